using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// One GRPO step: its diagnostics, the mean loss of its updates, and the wall-clock split into generation (sampling
/// with the KV cache plus the reference forward), scoring (the reward source) and training (μ forward/backward passes
/// and optimiser updates), with the tokens each phase processed.
/// </summary>
public sealed record GrpoStepReport(long Step, GrpoStepDiagnostics Diagnostics, double Loss, double GradNorm, double LearningRate,
    double GenerationSeconds, double ScoringSeconds, double TrainingSeconds,
    long GeneratedTokens, long ScoredTokens, long TrainedTokens)
{
    /// <summary>Metric names → values for metrics.jsonl (diagnostics, loss, timings and tokens/s of each phase).</summary>
    public List<KeyValuePair<string, double>> ToMetrics()
    {
        var values = OnlineStepMetrics.Of(Loss, Diagnostics.ToMetrics(), GradNorm, LearningRate, GenerationSeconds, ScoringSeconds, TrainingSeconds);
        values.Add(new("tokens_per_second/generation", GeneratedTokens / Math.Max(GenerationSeconds, 1e-9)));
        values.Add(new("tokens_per_second/scoring", ScoredTokens / Math.Max(ScoringSeconds, 1e-9)));
        values.Add(new("tokens_per_second/training", TrainedTokens / Math.Max(TrainingSeconds, 1e-9)));
        return values;
    }
}
