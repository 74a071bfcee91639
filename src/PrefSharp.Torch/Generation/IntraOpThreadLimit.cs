using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Lowers libtorch's intra-op thread count for a block and restores it on dispose. The count is process-wide: do
/// not run other tensor work on another thread meanwhile.
/// </summary>
public sealed class IntraOpThreadLimit : IDisposable
{
    private readonly int _previous;

    private IntraOpThreadLimit(int threads)
    {
        _previous = get_num_threads();
        if (threads < _previous) set_num_threads(threads);
    }

    /// <summary>Null when <paramref name="threads"/> is 0 (leave the setting alone) or not lower than the current count.</summary>
    public static IntraOpThreadLimit? To(int threads) =>
        threads > 0 && threads < get_num_threads() ? new IntraOpThreadLimit(threads) : null;

    public void Dispose()
    {
        if (get_num_threads() != _previous) set_num_threads(_previous);
    }
}
