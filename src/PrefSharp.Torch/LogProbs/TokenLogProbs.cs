using static TorchSharp.torch;

namespace PrefSharp.Torch.LogProbs;

/// <summary>
/// Log-probabilities of given tokens: <see cref="PerToken"/> (B, T), 0 where the mask is 0, and
/// <see cref="PerSequence"/> (B), their sum over each row.
/// </summary>
public sealed record TokenLogProbs(Tensor PerToken, Tensor PerSequence);
