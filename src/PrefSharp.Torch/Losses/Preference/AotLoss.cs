using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// AOT, paired (Melnyk et al. 2024, "Distributional Preference Alignment of LLMs via Optimal Transport"): first-order
/// stochastic dominance of the policy's margin distribution over the reference's, made a one-dimensional optimal
/// transport by sorting over the batch: with u = sort_b(log πθ(y_w) − log πθ(y_l)) and
/// v = sort_b(log π_ref(y_w) − log π_ref(y_l)), L_i = −(1 − ε)·log σ(β·(u_i − v_i)) − ε·log σ(−β·(u_i − v_i)).
/// Losses are per sorted position, not per pair (their sum is what the objective uses). β = 0.1, ε = 0.
/// TRL: loss_type="aot".
/// </summary>
public static class AotLoss
{
    /// <summary>Per-position losses (B) in sorted order.</summary>
    public static Tensor Compute(Tensor policyMargin, Tensor referenceMargin, double beta, double labelSmoothing)
    {
        var delta = policyMargin.sort(0).Values - referenceMargin.sort(0).Values;
        return -StableMath.LogSigmoid(beta * delta) * (1 - labelSmoothing) - StableMath.LogSigmoid(-beta * delta) * labelSmoothing;
    }
}
