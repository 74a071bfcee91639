namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Marks a reward model as a General Preference embedding Model (Zhang et al. 2024, "Beyond Bradley–Terry Models: A
/// General Preference Model for Language Model Alignment", §4): its <c>score</c> head writes a preference embedding
/// v ∈ ℝ^{2k} (num_labels = 2k) at the last real token, scaled to unit length, and P(a ≻ b | x) =
/// σ(⟨R(x) v_a, v_b⟩ / β) with R(x) block-diagonal and skew-symmetric, block l = λ_l(x)·[[0, 1], [−1, 0]]
/// (<see cref="Losses.Reward.GeneralPreferenceLoss"/>). With <see cref="PromptGate"/> the eigenvalues come from the
/// paper's eigenvalue scale gate, λ(x) = k·softmax(W_p h_x) over the hidden state h_x at the prompt's last token
/// (weights <c>prompt_head.weight</c> [k, d], the released code's name; the factor k makes a uniform gate equal to
/// the ungated model, as the released training code does); without it every λ_l = 1.
/// Saved in <c>config.json</c> as <c>prefsharp_preference_head: "gpm"</c>, <c>prefsharp_gpm_prompt_gate</c>,
/// <c>prefsharp_gpm_beta</c>, <c>prefsharp_gpm_normalize</c> (see <see cref="PreferenceHeadJson"/>).
/// </summary>
public sealed record GeneralPreferenceConfig
{
    /// <summary>The paper's default embedding width 2k when none is asked for (k = 2, as the released 8B GPM).</summary>
    public const int DefaultDimension = 4;

    /// <summary>β, the temperature of σ(s / β); default 0.1 (the released training scripts' <c>general_preference_tau</c>).</summary>
    public double Beta { get; init; } = 0.1;

    /// <summary>
    /// Whether embeddings are scaled to unit L2 norm before scoring (the paper's eigenvector embedding head and its
    /// released inference code); default true. The released training script leaves it commented out.
    /// </summary>
    public bool Normalize { get; init; } = true;

    /// <summary>Whether the prompt-dependent eigenvalue gate is used; default true (the paper's full model).</summary>
    public bool PromptGate { get; init; } = true;

    /// <summary>Checks β; the exception names the JSON field.</summary>
    public GeneralPreferenceConfig Validate()
    {
        if (!(Beta > 0) || double.IsInfinity(Beta))
            throw new ArgumentException($"prefsharp_gpm_beta must be finite and > 0, found {Beta}", "prefsharp_gpm_beta");
        return this;
    }
}
