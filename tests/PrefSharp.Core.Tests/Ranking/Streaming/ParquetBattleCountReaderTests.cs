using Parquet;
using Parquet.Serialization;
using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Streaming;

namespace PrefSharp.Core.Tests.Ranking.Streaming;

/// <summary>A Parquet Arena log gives exactly the counts of the same battles streamed from JSONL, over several row groups.</summary>
public sealed class ParquetBattleCountReaderTests
{
    public sealed class ArenaRow
    {
        public string? model_a { get; set; }
        public string? model_b { get; set; }
        public string? winner { get; set; }
        public string? question_id { get; set; }
    }

    private static readonly string[] Winners = ["model_a", "model_b", "tie", "tie (bothbad)"];

    [Fact]
    public async Task Parquet_counts_equal_the_jsonl_counts_of_the_same_battles()
    {
        var random = new Random(3);
        var rows = Enumerable.Range(0, 2500).Select(k =>
        {
            int a = random.Next(7), b = (a + 1 + random.Next(6)) % 7;
            return new ArenaRow { model_a = $"m{a}", model_b = $"m{b}", winner = Winners[random.Next(4)], question_id = $"q{k}" };
        }).ToList();
        var parquet = Path.Combine(Path.GetTempPath(), $"prefsharp-arena-{Guid.NewGuid():N}.parquet");
        var jsonl = Path.ChangeExtension(parquet, ".jsonl");
        await ParquetSerializer.SerializeAsync(rows, parquet, new ParquetOptions { RowGroupSize = 1000 });
        File.WriteAllLines(jsonl, rows.Select(r => $$"""{"model_a": "{{r.model_a}}", "model_b": "{{r.model_b}}", "winner": "{{r.winner}}"}"""));
        try
        {
            Assert.True(ParquetBattleCountReader.CanRead(parquet));
            Assert.False(ParquetBattleCountReader.CanRead(jsonl));
            BattleCountReaderTests.AssertSameCounts(BattleCountReader.Read([jsonl]), ParquetBattleCountReader.Read([parquet]));
        }
        finally
        {
            File.Delete(parquet);
            File.Delete(jsonl);
        }
    }

    [Fact]
    public async Task An_unknown_winner_names_the_row_and_the_column()
    {
        var rows = new[]
        {
            new ArenaRow { model_a = "a", model_b = "b", winner = "model_a" },
            new ArenaRow { model_a = "a", model_b = "b", winner = "draw" },
        };
        var parquet = Path.Combine(Path.GetTempPath(), $"prefsharp-arena-{Guid.NewGuid():N}.parquet");
        await ParquetSerializer.SerializeAsync(rows, parquet);
        try
        {
            var error = Assert.Throws<DataFormatException>(() => ParquetBattleCountReader.Read([parquet]));
            Assert.Contains("[1]", error.Message);
            Assert.Contains("winner", error.Message);
            Assert.Contains("draw", error.Message);
        }
        finally
        {
            File.Delete(parquet);
        }
    }
}
