namespace PrefSharp.Torch.Batches;

/// <summary>
/// Preference pairs as two aligned batches: row i of <see cref="Chosen"/> and row i of <see cref="Rejected"/> answer
/// the same prompt. Reward models and the DPO family train on this.
/// </summary>
/// <param name="Weights">Optional per-pair weights (B) or soft labels, as a loss defines them; null means 1 each.</param>
public sealed record PairBatch(SequenceBatch Chosen, SequenceBatch Rejected, IReadOnlyList<double>? Weights = null) : IDisposable, IDeviceBatch<PairBatch>
{
    /// <summary>Number of pairs.</summary>
    public long Count => Chosen.Count;

    /// <summary>The same pairs on <paramref name="device"/>.</summary>
    public PairBatch To(TorchSharp.torch.Device device) => new(Chosen.To(device), Rejected.To(device), Weights);

    public void Dispose()
    {
        Chosen.Dispose();
        Rejected.Dispose();
    }
}
