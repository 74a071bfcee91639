using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// The masked sums of one micro-batch's PPO loss (scalars; divide by the scored tokens for means): the total
/// Σ (ℓ^policy + c_v·ℓ^value), each part, the tokens whose policy or value term took the clipped branch, and
/// Σ ½(log π_θ − log π_old)², the approximate KL to the rollout policy that TRL logs.
/// </summary>
public sealed record PpoLossTerms(Tensor Sum, Tensor PolicySum, Tensor ValueSum, Tensor PolicyClipped, Tensor ValueClipped, Tensor ApproxKlSum);
