using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>One PPO step: its diagnostics, the mean loss of its updates, and the wall-clock of generation, scoring and training.</summary>
public sealed record PpoStepReport(long Step, PpoStepDiagnostics Diagnostics, double Loss, double GradNorm, double LearningRate,
    double GenerationSeconds, double ScoringSeconds, double TrainingSeconds)
{
    /// <summary>Metric names → values for metrics.jsonl.</summary>
    public List<KeyValuePair<string, double>> ToMetrics() =>
        OnlineStepMetrics.Of(Loss, Diagnostics.ToMetrics(), GradNorm, LearningRate, GenerationSeconds, ScoringSeconds, TrainingSeconds);
}
