using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// Everything any preference loss reads, for a batch of B pairs, so that every loss has one signature. Per-sequence
/// log-probabilities are sums over the scored (completion) tokens. Only the two policy tensors are required; a loss
/// that needs another field says so with an <see cref="ArgumentException"/> naming it.
/// </summary>
/// <param name="PolicyChosen">log πθ(y_w|x), (B).</param>
/// <param name="PolicyRejected">log πθ(y_l|x), (B).</param>
public sealed record PreferenceLossInputs(Tensor PolicyChosen, Tensor PolicyRejected)
{
    /// <summary>log π_ref(y_w|x), (B); null for reference-free training (the reference counts as 0).</summary>
    public Tensor? ReferenceChosen { get; init; }

    /// <summary>log π_ref(y_l|x), (B); null for reference-free training.</summary>
    public Tensor? ReferenceRejected { get; init; }

    /// <summary>Number of scored tokens of y_w, (B), for length normalisation (IPO, SimPO, ORPO, CPO, SFT).</summary>
    public Tensor? ChosenTokens { get; init; }

    /// <summary>Number of scored tokens of y_l, (B).</summary>
    public Tensor? RejectedTokens { get; init; }

    /// <summary>Per-token log πθ of y_w, (B, T), 0 at unscored positions (LD-DPO, token-weighted DPO).</summary>
    public Tensor? PolicyChosenPerToken { get; init; }

    /// <summary>Per-token log πθ of y_l, (B, T′).</summary>
    public Tensor? PolicyRejectedPerToken { get; init; }

    /// <summary>Per-token log π_ref of y_w, (B, T); null when reference-free.</summary>
    public Tensor? ReferenceChosenPerToken { get; init; }

    /// <summary>Per-token log π_ref of y_l, (B, T′); null when reference-free.</summary>
    public Tensor? ReferenceRejectedPerToken { get; init; }

    /// <summary>1 where a token of y_w is scored, (B, T).</summary>
    public Tensor? ChosenMask { get; init; }

    /// <summary>1 where a token of y_l is scored, (B, T′).</summary>
    public Tensor? RejectedMask { get; init; }

    /// <summary>Token weights of y_w for token-weighted DPO (SparsePO masks), (B, T).</summary>
    public Tensor? ChosenTokenWeights { get; init; }

    /// <summary>Token weights of y_l, (B, T′).</summary>
    public Tensor? RejectedTokenWeights { get; init; }

    /// <summary>Per-pair weights (B) multiplied into the combined loss (WPO weights, importance weights); null = 1.</summary>
    public Tensor? Weights { get; init; }

    /// <summary>Soft labels p = P(y_w ≻ y_l) in [0, 1], (B) (iREPO, soft-label DPO).</summary>
    public Tensor? SoftLabels { get; init; }

    /// <summary>Reward-model margins δ = r(y_w) − r(y_l), (B) (MM-RLHF dynamic β).</summary>
    public Tensor? RewardMargins { get; init; }

    /// <summary>BCO's running reward mean δ (scalar); null uses the batch mean of the rewards, detached.</summary>
    public Tensor? BcoDelta { get; init; }

    /// <summary>KTO's reference point z₀ (scalar); null estimates it from the batch, detached and clamped at 0.</summary>
    public Tensor? KlEstimate { get; init; }

    /// <summary>True when no reference log-probabilities are given.</summary>
    public bool ReferenceFree => ReferenceChosen is null || ReferenceRejected is null;

    /// <summary>log πθ(y_w|x) − log π_ref(y_w|x), (B).</summary>
    public Tensor ChosenLogRatio() => ReferenceChosen is null ? PolicyChosen : PolicyChosen - ReferenceChosen;

    /// <summary>log πθ(y_l|x) − log π_ref(y_l|x), (B).</summary>
    public Tensor RejectedLogRatio() => ReferenceRejected is null ? PolicyRejected : PolicyRejected - ReferenceRejected;

    /// <summary><paramref name="value"/>, or an <see cref="ArgumentException"/> naming the field <paramref name="loss"/> needs.</summary>
    public static Tensor Require(Tensor? value, string field, string loss) => value
        ?? throw new ArgumentException($"the {loss} loss needs PreferenceLossInputs.{field}, which is null", field);
}
