namespace PrefSharp.Torch.Training.Ppo;

/// <summary>One PPO step: its diagnostics, the mean loss of its updates, and the wall-clock of generation, scoring and training.</summary>
public sealed record PpoStepReport(long Step, PpoStepDiagnostics Diagnostics, double Loss, double GradNorm, double LearningRate,
    double GenerationSeconds, double ScoringSeconds, double TrainingSeconds)
{
    /// <summary>Metric names → values for metrics.jsonl.</summary>
    public List<KeyValuePair<string, double>> ToMetrics()
    {
        var values = new List<KeyValuePair<string, double>> { new("loss", Loss) };
        values.AddRange(Diagnostics.ToMetrics());
        values.Add(new("grad_norm", GradNorm));
        values.Add(new("learning_rate", LearningRate));
        values.Add(new("time/generation_s", GenerationSeconds));
        values.Add(new("time/scoring_s", ScoringSeconds));
        values.Add(new("time/training_s", TrainingSeconds));
        return values;
    }
}
