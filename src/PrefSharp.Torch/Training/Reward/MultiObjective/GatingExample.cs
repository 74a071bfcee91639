using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>A preference pair for ArmoRM stage 2: prompt + chosen and prompt + rejected, tokenized (the prompt is read from the chosen side).</summary>
public sealed record GatingExample(TokenizedSequence Chosen, TokenizedSequence Rejected);
