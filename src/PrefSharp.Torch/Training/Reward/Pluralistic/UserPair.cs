using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Reward.Pluralistic;

/// <summary>A tokenized preference pair and the row of the user who judged it (−1: an unknown user).</summary>
public sealed record UserPair(TokenizedPair Pair, int User);
