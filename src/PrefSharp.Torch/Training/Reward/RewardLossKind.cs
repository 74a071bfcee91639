namespace PrefSharp.Torch.Training.Reward;

/// <summary>The pairwise loss a <see cref="RewardObjective"/> trains with, and what <c>PairBatch.Weights</c> means for it.</summary>
public enum RewardLossKind
{
    /// <summary>Bradley–Terry; Weights are per-pair weights.</summary>
    BradleyTerry,

    /// <summary>Bradley–Terry with a margin (Llama 2); Weights are the margins m(r).</summary>
    Margin,

    /// <summary>Soft labels; Weights are P(chosen ≻ rejected) ∈ [0, 1].</summary>
    SoftLabel,

    /// <summary>Label smoothing with <see cref="RewardObjectiveOptions.LabelSmoothing"/>; Weights are per-pair weights.</summary>
    LabelSmoothing,

    /// <summary>De-biased loss for random flips at <see cref="RewardObjectiveOptions.FlipRate"/>; Weights are per-pair weights.</summary>
    Debiased,

    /// <summary>
    /// Flip-aware likelihood (forward correction) for random flips at <see cref="RewardObjectiveOptions.FlipRate"/>;
    /// Weights are per-pair weights.
    /// </summary>
    FlipAware,

    /// <summary>
    /// Rao–Kupper ties (<c>RaoKupperRewardLoss</c>) with the threshold η fitted jointly (<see cref="RewardObjectiveOptions.TieThreshold"/>
    /// is its start); Weights are outcomes: 1 for a win of chosen, 0.5 for a tie.
    /// </summary>
    RaoKupper,

    /// <summary>
    /// General Preference Model (<c>GeneralPreferenceLoss</c>) on a GPM head (<see cref="Rewards.GeneralPreferenceConfig"/>),
    /// trained by <see cref="GeneralPreferenceObjective"/>; Weights are per-pair weights.
    /// </summary>
    GeneralPreference,
}
