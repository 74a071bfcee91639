using static TorchSharp.torch;

namespace PrefSharp.Torch.Models;

/// <summary>
/// cos and signed-sin rows of <see cref="RotaryEmbedding"/> for positions 0 … n − 1, computed once (float32, the
/// same arithmetic as <see cref="RotaryEmbedding.CosSin"/>) and gathered per forward. Owned by the model; not a
/// module buffer, so it never appears among the checkpoint's tensors. Grows when a longer sequence comes.
/// </summary>
internal sealed class RotaryTable : IDisposable
{
    private readonly int _headDim;
    private readonly double _theta;
    private Tensor? _cos;        // (n, D)
    private Tensor? _signedSin;  // (n, D)

    /// <summary>Builds the rows for <paramref name="initialPositions"/> positions at once (on the CPU).</summary>
    public RotaryTable(int headDim, double theta, long initialPositions = 256)
    {
        (_headDim, _theta) = (headDim, theta);
        Build(Math.Max(initialPositions, 1), CPU);
    }

    /// <summary>cos and signed sin (B, 1, T, D) in <paramref name="dtype"/> for position ids (B, T), all &lt; <paramref name="positionBound"/>.</summary>
    public (Tensor Cos, Tensor SignedSin) Lookup(Tensor positionIds, long positionBound, ScalarType dtype)
    {
        var rows = _cos!.shape[0];
        if (rows < positionBound || _cos.device_type != positionIds.device_type)
            Build(rows < positionBound ? Math.Max(positionBound, 2 * rows) : rows, positionIds.device);
        var (batch, length) = (positionIds.shape[0], positionIds.shape[1]);
        var flat = positionIds.reshape(-1).clamp_min(0);
        var cos = _cos!.index_select(0, flat).view(batch, 1, length, -1);              // (B, 1, T, D)
        var signedSin = _signedSin!.index_select(0, flat).view(batch, 1, length, -1);  // (B, 1, T, D)
        return dtype == ScalarType.Float32 ? (cos, signedSin) : (cos.to(dtype), signedSin.to(dtype));
    }

    private void Build(long size, Device device)
    {
        Dispose();
        using var scope = NewDisposeScope();
        var positions = arange(size, ScalarType.Int64, device).unsqueeze(0);                                // (1, n)
        var (cos, sin) = RotaryEmbedding.CosSin(positions, _headDim, _theta, ScalarType.Float32);             // (1, 1, n, D)
        _cos = cos.view(size, -1).contiguous().DetachFromDisposeScope();
        _signedSin = RotaryEmbedding.SignedSin(sin).view(size, -1).contiguous().DetachFromDisposeScope();
    }

    public void Dispose()
    {
        _cos?.Dispose();
        _signedSin?.Dispose();
        (_cos, _signedSin) = (null, null);
    }
}
