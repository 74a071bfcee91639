using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// What <see cref="GrpoLoss"/> needs for B completions of T scored positions (the shifted layout of
/// <see cref="LogProbs.CompletionLogProbs"/>: position t holds log π of token t + 1).
/// </summary>
/// <param name="LogProbs">(B, T) per-token log π_θ, differentiable.</param>
/// <param name="OldLogProbs">(B, T) log π_old from the rollout; null means one update per batch (ratio 1, old = detached current).</param>
/// <param name="RefLogProbs">(B, T) log π_ref; needed when β &gt; 0.</param>
/// <param name="Advantages">(B) one advantage per completion.</param>
/// <param name="Mask">(B, T) 1 for completion tokens, 0 for prompt and padding.</param>
/// <param name="Entropies">(B, T) per-token policy entropies, needed when the entropy coefficient is non-zero.</param>
public sealed record GrpoLossInputs(
    Tensor LogProbs, Tensor? OldLogProbs, Tensor? RefLogProbs, Tensor Advantages, Tensor Mask, Tensor? Entropies = null);
