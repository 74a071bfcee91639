using Parquet;
using Parquet.Data;
using Parquet.Schema;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Data.Streaming;

/// <summary>
/// Reads a Parquet battle log in Chatbot Arena's layout (string columns <c>model_a</c>, <c>model_b</c>, <c>winner</c>;
/// any other columns are never read) straight into <see cref="PairwiseCounts"/>: one row group at a time, only those
/// three column chunks decoded, names interned once per row group's distinct values. The counts are those of the
/// JSONL streaming path over the same rows in the same order. Memory grows with a row group and the distinct
/// keys, never with the number of battles. Locations are <c>path[row]</c>.
/// </summary>
public static class ParquetBattleCountReader
{
    private static readonly string[] Columns = ["model_a", "model_b", "winner"];
    private static readonly Dictionary<string, BattleOutcome> Outcomes = new()
    {
        ["model_a"] = BattleOutcome.A, ["model_b"] = BattleOutcome.B, ["tie"] = BattleOutcome.Tie, ["tie (bothbad)"] = BattleOutcome.TieBothBad,
    };

    /// <summary>Whether <paramref name="path"/> is a Parquet file with the three Arena columns as strings.</summary>
    public static bool CanRead(string path)
    {
        if (!path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return false;
        try
        {
            return HasColumns(path).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is IOException or InvalidDataException or ParquetException)
        {
            return false;
        }
    }

    /// <summary>Counts every battle of <paramref name="paths"/>, in order.</summary>
    public static PairwiseCounts Read(IEnumerable<string> paths)
    {
        var builder = new PairwiseCountsBuilder(new ItemIndex());
        foreach (var path in paths) Count(path, builder).GetAwaiter().GetResult();
        return builder.Build();
    }

    private static async Task<bool> HasColumns(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        return Fields(reader) is not null;
    }

    private static async Task Count(string path, PairwiseCountsBuilder builder)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = Fields(reader) ?? throw new DataFormatException(SourceLocation.WholeFile(path), null, Problems.MissingField,
            "string columns model_a, model_b and winner");
        long row = 0;
        for (int group = 0; group < reader.RowGroupCount; group++)
        {
            using var rowGroup = reader.OpenRowGroupReader(group);
            var columns = new string?[fields.Length][];
            for (int c = 0; c < fields.Length; c++)
            {
                columns[c] = new string?[rowGroup.RowCount];
                await rowGroup.ReadAsync(fields[c], columns[c].AsMemory()!, null);
            }
            var index = new Dictionary<string, int>();
            int Item(string? name, int column, long at) => name is null or ""
                ? throw new DataFormatException(new SourceLocation(path, at, IsRecordIndex: true), Columns[column], Problems.EmptyText, "a non-empty name")
                : index.TryGetValue(name, out int k) ? k : index[name] = builder.Items.GetOrAdd(name);
            for (int k = 0; k < columns[0].Length; k++, row++)
            {
                int a = Item(columns[0][k], 0, row), b = Item(columns[1][k], 1, row);
                if (a == b) throw new DataFormatException(new SourceLocation(path, row, IsRecordIndex: true), "model_b", Problems.SelfComparison, "two different items");
                if (columns[2][k] is not { } winner || !Outcomes.TryGetValue(winner, out var outcome))
                    throw new DataFormatException(new SourceLocation(path, row, IsRecordIndex: true), "winner", Problems.UnknownLabel,
                        "model_a, model_b, tie or \"tie (bothbad)\"", $"got {(columns[2][k] is null ? "null" : $"\"{columns[2][k]}\"")}");
                builder.Add(a, b, outcome, Battle.DefaultScore(outcome), 1.0);
            }
        }
    }

    private static DataField[]? Fields(ParquetReader reader)
    {
        var fields = Columns.Select(name => reader.Schema.DataFields.FirstOrDefault(f => f.Name == name && (f.ClrType == typeof(string) || f.ClrType == typeof(ReadOnlyMemory<char>)))).ToArray();
        return fields.All(f => f is not null) ? fields.Select(f => f!).ToArray() : null;
    }
}
