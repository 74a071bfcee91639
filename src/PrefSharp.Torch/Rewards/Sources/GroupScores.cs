namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// What a reward source returns for B groups of G completions, flat in <see cref="Training.Grpo.GroupLayout"/>
/// (row b·G + g). <see cref="Rewards"/> is what GRPO normalises; <see cref="PointwiseScores"/> is the scalar score of
/// each completion under the underlying model when there is one (the "proxy reward" of an over-optimisation curve: for
/// a pairwise win rate the rewards average ½ in every group, so only the pointwise score shows drift).
/// </summary>
public sealed record GroupScores(double[] Rewards, double[]? PointwiseScores)
{
    /// <summary>What the source measured while scoring (a composite's per-term means, its Lagrange multipliers), logged every step.</summary>
    public IReadOnlyDictionary<string, double>? Metrics { get; init; }
}
