namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>What stage 2 ended with: the final β, the Bradley–Terry loss and pairwise accuracy of the gated reward on the training pairs, λ.</summary>
public sealed record GatingResult(double Scale, double TrainLoss, double TrainAccuracy, IReadOnlyList<double>? VerbosityPenalties);
