namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Gradient entanglement of one pair (Yuan et al. 2024, §3): g_w = ∇θ log πθ(y_w|x), g_l = ∇θ log πθ(y_l|x). One
/// gradient step on a margin-based loss moves θ along g_w − g_l, so to first order log πθ(y_w|x) changes by
/// ∝ ‖g_w‖² − ⟨g_w, g_l⟩ and log πθ(y_l|x) by ∝ ⟨g_w, g_l⟩ − ‖g_l‖².
/// </summary>
/// <param name="Inner">⟨g_w, g_l⟩.</param>
/// <param name="ChosenNormSquared">‖g_w‖².</param>
/// <param name="RejectedNormSquared">‖g_l‖².</param>
public sealed record PairEntanglement(double Inner, double ChosenNormSquared, double RejectedNormSquared)
{
    /// <summary>cos(g_w, g_l); 0 when a gradient vanishes.</summary>
    public double Cosine => ChosenNormSquared > 0 && RejectedNormSquared > 0 ? Inner / Math.Sqrt(ChosenNormSquared * RejectedNormSquared) : 0;

    /// <summary>⟨g_w, g_l⟩ &gt; ‖g_w‖²: the step lowers the chosen response's likelihood (likelihood displacement).</summary>
    public bool ChosenFalls => Inner > ChosenNormSquared;

    /// <summary>⟨g_w, g_l⟩ &gt; ‖g_l‖²: the step raises the rejected response's likelihood.</summary>
    public bool RejectedRises => Inner > RejectedNormSquared;
}
