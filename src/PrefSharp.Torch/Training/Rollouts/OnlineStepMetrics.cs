namespace PrefSharp.Torch.Training.Rollouts;

/// <summary>The metrics every online step logs (GRPO, PPO): loss, its diagnostics, gradient norm, learning rate and the time of each phase.</summary>
internal static class OnlineStepMetrics
{
    public static List<KeyValuePair<string, double>> Of(double loss, IEnumerable<KeyValuePair<string, double>> diagnostics, double gradNorm,
        double learningRate, double generationSeconds, double scoringSeconds, double trainingSeconds)
    {
        var values = new List<KeyValuePair<string, double>> { new("loss", loss) };
        values.AddRange(diagnostics);
        values.Add(new("grad_norm", gradNorm));
        values.Add(new("learning_rate", learningRate));
        values.Add(new("time/generation_s", generationSeconds));
        values.Add(new("time/scoring_s", scoringSeconds));
        values.Add(new("time/training_s", trainingSeconds));
        return values;
    }
}
