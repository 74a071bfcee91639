using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// Keys and values of past tokens, per layer, in buffers of (B, H_kv, capacity, D) allocated on first use and owned
/// by this object (detached from dispose scopes). For inference only: the stored tensors are detached from autograd.
/// </summary>
public sealed class KvCache(int numLayers, long capacity) : IDisposable
{
    private readonly Tensor?[] _keys = new Tensor?[numLayers];
    private readonly Tensor?[] _values = new Tensor?[numLayers];

    /// <summary>Tokens per row already stored (the same for every layer between forwards).</summary>
    public long Length { get; private set; }

    /// <summary>The most tokens per row this cache can hold.</summary>
    public long Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>Number of layers.</summary>
    public int NumLayers { get; } = numLayers;

    /// <summary>
    /// Stores <paramref name="keys"/> and <paramref name="values"/> (B, H_kv, T, D) of <paramref name="layer"/> after the
    /// <see cref="Length"/> cached tokens and returns views of all of them, (B, H_kv, Length + T, D).
    /// </summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor keys, Tensor values)
    {
        var tokens = keys.shape[2];
        if (Length + tokens > Capacity)
            throw new InvalidOperationException($"KV cache full: {Length} + {tokens} tokens exceed its capacity of {Capacity}");
        var keyBuffer = _keys[layer] ??= Allocate(keys);
        var valueBuffer = _values[layer] ??= Allocate(values);
        if (keyBuffer.shape[0] != keys.shape[0] || keyBuffer.shape[1] != keys.shape[1] || keyBuffer.shape[3] != keys.shape[3])
            throw new InvalidOperationException(
                $"KV cache layer {layer} holds (B={keyBuffer.shape[0]}, H_kv={keyBuffer.shape[1]}, D={keyBuffer.shape[3]}); " +
                $"got keys [{string.Join(", ", keys.shape)}]: use a new cache for another batch");
        using (no_grad())
        {
            keyBuffer.narrow(2, Length, tokens).copy_(keys);
            valueBuffer.narrow(2, Length, tokens).copy_(values);
        }
        return (keyBuffer.narrow(2, 0, Length + tokens), valueBuffer.narrow(2, 0, Length + tokens));
    }

    /// <summary>Views of the stored keys and values of <paramref name="layer"/>, (B, H_kv, Length, D); null before the first append.</summary>
    public (Tensor Keys, Tensor Values)? Stored(int layer) =>
        _keys[layer] is { } keys && _values[layer] is { } values ? (keys.narrow(2, 0, Length), values.narrow(2, 0, Length)) : null;

    /// <summary>Marks <paramref name="tokens"/> more tokens as stored; the model calls this once after all layers.</summary>
    public void Advance(long tokens) => Length += tokens;

    /// <summary>Forgets the stored tokens (buffers are kept for reuse with the same batch size).</summary>
    public void Reset() => Length = 0;

    public void Dispose()
    {
        foreach (var tensor in _keys.Concat(_values)) tensor?.Dispose();
        Array.Clear(_keys);
        Array.Clear(_values);
    }

    private Tensor Allocate(Tensor like) =>
        zeros([like.shape[0], like.shape[1], Capacity, like.shape[3]], like.dtype, like.device).DetachFromDisposeScope();
}
