namespace PrefSharp.Torch.Rewards.Pairwise;

/// <summary>
/// One comparison inside a group: completion <see cref="First"/> against completion <see cref="Second"/> (indices
/// 0..G−1), with <see cref="FirstWins"/> = 1 for a win, 0 for a loss, 0.5 for a tie, or a preference probability.
/// </summary>
public sealed record PairComparison(int First, int Second, double FirstWins);
