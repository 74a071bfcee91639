using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>The outputs of <see cref="ICausalLM.forward"/>: logits (B, T, V) and last hidden states (B, T, d).</summary>
public sealed record CausalLMOutput(Tensor Logits, Tensor LastHiddenState);
