namespace PrefSharp.Torch.Training.Loop;

/// <summary>Sums over the steps since the last log line, so the logged loss is the weighted mean over that window.</summary>
internal sealed class LogWindow
{
    private readonly Dictionary<string, double> metricSums = new(StringComparer.Ordinal);
    private double lossSum, weight, gradNormSum;
    private long tokens;
    private int steps;
    private StepReport? last;

    public void Add(StepReport report)
    {
        lossSum += report.Loss * report.Weight;
        weight += report.Weight;
        gradNormSum += report.GradNorm;
        tokens += report.Tokens;
        steps++;
        last = report;
    }

    public void AddMetrics(IReadOnlyDictionary<string, double> sums)
    {
        foreach (var (name, value) in sums) metricSums[name] = metricSums.GetValueOrDefault(name) + value;
    }

    public long Tokens => tokens;

    /// <summary>loss, metrics (÷ weight), grad_norm (mean over steps), lr (last step), and the window's weight and tokens; then resets.</summary>
    public List<KeyValuePair<string, double>> Drain()
    {
        var values = new List<KeyValuePair<string, double>>
        {
            new("loss", weight > 0 ? lossSum / weight : double.NaN),
        };
        values.AddRange(metricSums.Select(kv => new KeyValuePair<string, double>(kv.Key, weight > 0 ? kv.Value / weight : double.NaN)));
        values.Add(new("grad_norm", steps > 0 ? gradNormSum / steps : double.NaN));
        values.Add(new("learning_rate", last?.LearningRate ?? double.NaN));
        values.Add(new("weight", weight));
        values.Add(new("tokens", tokens));
        metricSums.Clear();
        lossSum = weight = gradNormSum = 0;
        tokens = 0;
        steps = 0;
        return values;
    }
}
