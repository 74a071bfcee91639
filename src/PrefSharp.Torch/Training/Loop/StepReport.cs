namespace PrefSharp.Torch.Training.Loop;

/// <summary>One optimiser step, as the loop saw it: mean loss over its units, weight, gradient norm before clipping, learning rate.</summary>
public sealed record StepReport(long Step, double Loss, double Weight, double GradNorm, double LearningRate, long Tokens);
