using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Streaming;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Ranking.Streaming;

/// <summary>
/// The streamed counts are the record path's counts: same items, pairs and cells in the same order, hence the
/// same Bradley–Terry fit to the last bit, also when the file is cut into several stretches counted in parallel.
/// </summary>
public sealed class BattleCountReaderTests
{
    [SharedDataTheory]
    [InlineData("battles/arena-hard-v0.1/battles-judge-gpt4o.jsonl")]
    [InlineData("battles/arena-hard-v0.1/battles-mixed-judges.jsonl")]
    public void Streamed_counts_of_real_arena_battles_give_exactly_the_record_paths_fit(string file)
    {
        var path = SharedData.Path(file);
        var records = PairwiseCounts.FromBattles(new PreferenceFileReader(path).Cast<Battle>());
        var streamed = BattleCountReader.Read([path], threads: 4, chunkBytes: 64 << 10);

        AssertSameCounts(records, streamed);
        Assert.Equal(BradleyTerry.Fit(records).Strengths, BradleyTerry.Fit(streamed).Strengths);
    }

    [Fact]
    public void Soft_scores_and_weights_of_prefsharp_battles_stream_into_the_same_cells()
    {
        var random = new Random(5);
        var battles = Enumerable.Range(0, 3000).Select(k =>
        {
            int a = random.Next(6), b = (a + 1 + random.Next(5)) % 6;
            var outcome = (BattleOutcome)random.Next(3);
            return new Battle($"m{a}", $"m{b}", outcome)
            {
                ScoreA = k % 7 == 0 ? 0.25 * random.Next(5) : Battle.DefaultScore(outcome),
                Weight = k % 5 == 0 ? 2 : 1,
            };
        }).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-stream-{Guid.NewGuid():N}.jsonl");
        BattleJsonlWriter.Write(path, battles);
        try
        {
            var records = PairwiseCounts.FromBattles(new PreferenceFileReader(path).Cast<Battle>());
            AssertSameCounts(records, BattleCountReader.Read([path], threads: 3, chunkBytes: 16 << 10));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bad_line_in_a_later_stretch_is_named_by_its_line_in_the_file()
    {
        var lines = Enumerable.Range(0, 2000).Select(k => $$"""{"model_a": "a{{k % 3}}", "model_b": "b", "winner": "model_a"}""").ToList();
        lines[1499] = """{"model_a": "a", "model_b": "b", "winner": "draw"}""";
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-stream-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        try
        {
            var error = Assert.Throws<DataFormatException>(() => BattleCountReader.Read([path], threads: 4, chunkBytes: 8 << 10));
            Assert.StartsWith($"{path}:1500: winner: unknown label", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static void AssertSameCounts(PairwiseCounts expected, PairwiseCounts actual)
    {
        Assert.Equal(expected.Items.Names, actual.Items.Names);
        Assert.Equal(expected.First, actual.First);
        Assert.Equal(expected.Second, actual.Second);
        Assert.Equal(expected.CellPair, actual.CellPair);
        Assert.Equal(expected.CellOutcome, actual.CellOutcome);
        Assert.Equal(expected.CellFirstScore, actual.CellFirstScore);
        Assert.Equal(expected.CellWeight, actual.CellWeight);
        Assert.Equal(expected.CellCount, actual.CellCount);
    }
}
