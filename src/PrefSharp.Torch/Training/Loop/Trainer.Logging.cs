using System.Diagnostics;

namespace PrefSharp.Torch.Training.Loop;

public sealed partial class Trainer<TBatch>
{
    private readonly Stopwatch windowClock = Stopwatch.StartNew();

    /// <summary>Writes the window's training metrics (plus tokens/s and epoch) to metrics.jsonl, TensorBoard and the progress line; returns the loss.</summary>
    private double LogTraining(TimeSpan elapsed, long stepsThisRun)
    {
        var seconds = Math.Max(windowClock.Elapsed.TotalSeconds, 1e-9);
        var values = window.Drain();
        var tokens = values.First(v => v.Key == "tokens").Value;
        values.Add(new("tokens_per_second", tokens / seconds));
        values.Add(new("epoch", train.Position.Epoch + (double)train.Position.Index / train.ExampleCount));
        if (LogStepDiagnostics is { } diagnostics) values.AddRange(diagnostics());
        if (LogValues is { } custom) values = custom();
        windowClock.Restart();
        Write("train", values);
        var loss = values[0].Value;
        var remaining = TotalSteps - Step;
        TimeSpan? eta = stepsThisRun > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds / stepsThisRun * remaining) : null;
        progress.Report(Step, TotalSteps, loss, values.First(v => v.Key == "learning_rate").Value, tokens / seconds, eta);
        return loss;
    }

    private EvaluationResult EvaluateAndLog()
    {
        var clock = Stopwatch.StartNew();
        var result = Evaluate();
        var values = new List<KeyValuePair<string, double>> { new("loss", result.Loss) };
        values.AddRange(result.Metrics);
        values.Add(new("weight", result.Weight));
        Write("eval", values);
        progress.Message($"eval at step {Step}: loss {result.Loss:F4}"
            + string.Concat(result.Metrics.Select(m => $"  {m.Key} {m.Value:F4}")) + $"  ({clock.Elapsed.TotalSeconds:F1} s)");
        windowClock.Restart();   // evaluation time is not training throughput
        return result;
    }

    private void Write(string split, List<KeyValuePair<string, double>> values)
    {
        if (metrics is null || tensorBoard is null) return;
        metrics.Write(Step, split, values);
        tensorBoard.WriteScalars(Step, values.Select(v => new KeyValuePair<string, double>($"{split}/{v.Key}", v.Value)));
    }
}
