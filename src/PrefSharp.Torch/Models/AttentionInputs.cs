using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// What every attention layer of one forward shares: position ids (B, T) and either an additive mask (B, 1, T, S)
/// or, when there is no padding and no cache, the plain causal flag.
/// </summary>
internal sealed record AttentionInputs(Tensor PositionIds, Tensor? AdditiveMask, bool IsCausal);
