namespace PrefSharp.Torch.Diagnostics;

/// <summary>
/// What an online preference-optimisation step logs, as the issue lists it. The gold reward comes from the gym's known
/// utility (<c>PrefSharp.Core.Gym</c>) when there is one; the proxy is the reward the policy was trained on. Their gap
/// over steps is the over-optimisation curve (Gao et al. 2023, "Scaling Laws for Reward Model Overoptimization").
/// </summary>
public sealed record GrpoStepDiagnostics
{
    public double? GoldReward { get; init; }
    public double ProxyReward { get; init; }
    /// <summary>Mean per-token k3 KL to the reference over completion tokens.</summary>
    public double Kl { get; init; }

    /// <summary>Sequence-level KL, the mean over completions of Σ_t (log π − log π_ref) (k1; Schulman 2020).</summary>
    public double SequenceKl { get; init; }
    public double Entropy { get; init; }
    public double Distinct1 { get; init; }
    public double Distinct2 { get; init; }
    public double SelfBleu { get; init; }
    public double ZeroSpreadFraction { get; init; }

    /// <summary>Mean over groups of the unbiased std of the trained rewards within a group (TRL's <c>reward_std</c>).</summary>
    public double RewardStd { get; init; }
    public double ClipFraction { get; init; }
    public IllusoryAdvantage? Illusory { get; init; }

    /// <summary>What the reward source measured (<see cref="Rewards.Sources.GroupScores.Metrics"/>), logged under its own names.</summary>
    public IReadOnlyDictionary<string, double>? RewardMetrics { get; init; }

    /// <summary>Flat metric names → values, for the JSONL/TensorBoard logger.</summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>
        {
            ["reward/proxy"] = ProxyReward, ["kl"] = Kl, ["kl/sequence"] = SequenceKl, ["entropy"] = Entropy, ["diversity/distinct_1"] = Distinct1,
            ["diversity/distinct_2"] = Distinct2, ["diversity/self_bleu"] = SelfBleu,
            ["frac_reward_zero_std"] = ZeroSpreadFraction, ["reward/std"] = RewardStd, ["clip_ratio"] = ClipFraction,
        };
        if (GoldReward is { } gold) metrics["reward/gold"] = gold;
        foreach (var (name, value) in RewardMetrics ?? new Dictionary<string, double>()) metrics[name] = value;
        if (Illusory is { } illusory)
        {
            metrics["illusory/tiny_spread_fraction"] = illusory.TinySpreadFraction;
            metrics["illusory/advantage_spread"] = illusory.MeanAdvantageSpread;
        }
        return metrics;
    }
}
