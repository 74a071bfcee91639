namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// What a PPO or P3O step logs: the rollout's gold (when known) and trained reward, KL to the reference and the KL part
/// of the reward, the value model's explained variance on the rollout, and the updates' means over scored tokens
/// (P3O: over pairs and completions) of policy and value loss, clip fractions, approximate KL and entropy.
/// </summary>
public sealed record PpoStepDiagnostics
{
    public double? GoldReward { get; init; }

    /// <summary>Mean reward of the rollout's completions (the score, without the KL penalty).</summary>
    public double Reward { get; init; }

    /// <summary>Mean over completions of Σ_t (log π_old − log π_ref) (k1).</summary>
    public double SequenceKl { get; init; }

    /// <summary>Mean over completions of the KL penalty's part of the return, −β·SequenceKl.</summary>
    public double NonScoreReward { get; init; }

    /// <summary>1 − Var(R − V_old) / Var(R) over the rollout's scored tokens (NaN for P3O, which has no value model).</summary>
    public double ExplainedVariance { get; init; } = double.NaN;
    public double PolicyLoss { get; init; }
    public double ValueLoss { get; init; }
    public double PolicyClipFraction { get; init; }
    public double ValueClipFraction { get; init; }
    public double ApproxKl { get; init; }
    public double Entropy { get; init; }

    /// <summary>Flat metric names → values, for the JSONL/TensorBoard logger.</summary>
    public IEnumerable<KeyValuePair<string, double>> ToMetrics()
    {
        if (GoldReward is { } gold) yield return new("reward/gold", gold);
        yield return new("reward/proxy", Reward);
        yield return new("kl/sequence", SequenceKl);
        yield return new("reward/non_score", NonScoreReward);
        yield return new("explained_variance", ExplainedVariance);
        yield return new("loss/policy", PolicyLoss);
        yield return new("loss/value", ValueLoss);
        yield return new("clip_fraction/policy", PolicyClipFraction);
        yield return new("clip_fraction/value", ValueClipFraction);
        yield return new("approx_kl", ApproxKl);
        yield return new("entropy", Entropy);
    }
}
