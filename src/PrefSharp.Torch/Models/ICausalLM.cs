using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// A decoder-only language model with Hugging Face parameter names (<c>Module.named_parameters()</c> keys equal the
/// keys of the model's <c>model.safetensors</c>).
/// </summary>
/// <remarks>
/// Padding: <c>attentionMask</c> (B, S) holds 1 for real tokens and 0 for padding, where S = cached tokens + T.
/// Left and right padding both work: padded keys are never attended to, and position ids count only real tokens
/// (cumulative sum of the mask − 1), so a left-padded row sees the same positions as the unpadded sequence.
/// Outputs at padded positions are finite but meaningless; mask them out downstream.
/// </remarks>
public interface ICausalLM : IDisposable
{
    /// <summary>The architecture this model was built from.</summary>
    ModelConfig Config { get; }

    /// <summary>The TorchSharp module (parameters, <c>train()</c>/<c>eval()</c>, <c>to()</c>).</summary>
    nn.Module Module { get; }

    /// <summary>
    /// Runs the decoder on <paramref name="inputIds"/> (B, T) int64. With a <paramref name="cache"/>, the tokens follow
    /// the cached ones and their keys/values are appended. <paramref name="logitsToKeep"/> &gt; 0 computes logits only
    /// for the last that many positions (0: all). Returns logits (B, T or logitsToKeep, V) and last hidden states (B, T, d).
    /// </summary>
    CausalLMOutput forward(Tensor inputIds, Tensor? attentionMask = null, KvCache? cache = null, long logitsToKeep = 0);

    /// <summary>Last hidden states (B, T, d) after the final norm, without the output projection (for reward heads).</summary>
    Tensor forward_hidden(Tensor inputIds, Tensor? attentionMask = null, KvCache? cache = null);

    /// <summary>An empty key/value cache for this model holding up to <paramref name="capacity"/> tokens per row.</summary>
    KvCache NewCache(long capacity);
}
