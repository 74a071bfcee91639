using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>A right-padded batch of rated sequences: targets (B, k) float32 and the rated mask (B, k) bool.</summary>
public sealed record RatingBatch(SequenceBatch Sequences, Tensor Targets, Tensor Rated) : IDisposable
{
    /// <summary>Rows in the batch.</summary>
    public long Count => Sequences.Count;

    /// <summary>Collates <paramref name="examples"/>, all with the same number of ratings.</summary>
    public static RatingBatch Collate(IReadOnlyList<RatingExample> examples, int padId)
    {
        if (examples.Count == 0) throw new ArgumentException("a batch needs at least one rated example", nameof(examples));
        var k = examples[0].Ratings.Length;
        if (examples.Any(e => e.Ratings.Length != k || (e.Rated is { } r && r.Length != k)))
            throw new ArgumentException($"every example needs {k} ratings (and as many rated flags)", nameof(examples));
        var targets = new float[examples.Count, k];
        var rated = new bool[examples.Count, k];
        for (var row = 0; row < examples.Count; row++)
            for (var column = 0; column < k; column++)
            {
                targets[row, column] = (float)examples[row].Ratings[column];
                rated[row, column] = examples[row].Rated?[column] ?? true;
            }
        return new RatingBatch(SequenceBatch.Collate(examples.Select(e => e.Sequence).ToList(), padId), tensor(targets), tensor(rated));
    }

    public void Dispose()
    {
        Sequences.Dispose();
        Targets.Dispose();
        Rated.Dispose();
    }
}
