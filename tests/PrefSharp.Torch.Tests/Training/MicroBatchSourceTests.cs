using PrefSharp.Torch.Training.Data;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>Every epoch visits every example once, the order depends only on (seed, epoch), and seeking resumes exactly.</summary>
public sealed class MicroBatchSourceTests
{
    private static MicroBatchSource<int, int[]> Source(int seed) =>
        new(Enumerable.Range(0, 10).ToArray(), batch => batch.ToArray(), batchSize: 4, seed);

    [Fact]
    public void Each_epoch_is_a_permutation_in_batches_of_4_4_2_and_epochs_differ()
    {
        var source = Source(seed: 5);
        var first = Enumerable.Range(0, 3).Select(_ => source.Next()).ToList();
        Assert.Equal([4, 4, 2], first.Select(b => b.Length));
        Assert.Equal(Enumerable.Range(0, 10), first.SelectMany(b => b).Order());
        Assert.Equal(new DataPosition(0, 10), source.Position);
        var second = Enumerable.Range(0, 3).SelectMany(_ => source.Next()).ToList();
        Assert.Equal(1, source.Position.Epoch);
        Assert.Equal(Enumerable.Range(0, 10), second.Order());
        Assert.NotEqual(first.SelectMany(b => b), second);
    }

    [Fact]
    public void Seeking_to_a_saved_position_continues_with_the_same_examples()
    {
        var straight = Source(seed: 9);
        for (var i = 0; i < 4; i++) straight.Next();
        var saved = straight.Position;
        var expected = Enumerable.Range(0, 5).SelectMany(_ => straight.Next()).ToList();

        var resumed = Source(seed: 9);
        resumed.Seek(saved);
        Assert.Equal(expected, Enumerable.Range(0, 5).SelectMany(_ => resumed.Next()));
        Assert.NotEqual(Source(seed: 9).OrderOf(0), Source(seed: 10).OrderOf(0));
    }
}
