namespace PrefSharp.Torch.Training.Loop;

/// <summary>Held-out loss and metrics, each the weighted mean over every unit (token, pair) of the evaluation data.</summary>
public sealed record EvaluationResult(double Loss, IReadOnlyDictionary<string, double> Metrics, double Weight);
