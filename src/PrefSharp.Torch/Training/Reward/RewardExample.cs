using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// One tokenized preference pair for reward-model training. <see cref="Weight"/> is what the loss reads from
/// <c>PairBatch.Weights</c> (<see cref="RewardLossKind"/>): a per-pair weight (1 by default), a margin, or a soft label.
/// </summary>
public sealed record RewardExample(TokenizedSequence Chosen, TokenizedSequence Rejected, double Weight = 1.0);
