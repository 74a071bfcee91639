using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Data.Streaming;

/// <summary>
/// Reads JSONL battle logs (Chatbot Arena's <c>{model_a, model_b, winner}</c> or PrefSharp's <c>{item_a, item_b,
/// outcome, score_a?, weight?}</c>; plain or gzip) straight into <see cref="PairwiseCounts"/>, without a record per
/// battle. A plain file is cut at line boundaries into one stretch per core, counted in parallel and merged in file
/// order, which gives exactly the counts (items, pairs and cells in the same order) of
/// <c>PairwiseCounts.FromBattles</c> over the record reader's battles. Memory grows with the distinct (pair,
/// outcome, score, weight) keys, never with the number of battles.
/// </summary>
public static class BattleCountReader
{
    private const long MinimumChunkBytes = 4 << 20;

    /// <summary>Whether <paramref name="path"/> is a JSONL battle log this reader understands (by its first record).</summary>
    public static bool CanRead(string path) => File.Exists(path) && TryLayout(path) is not null;

    /// <summary>Counts every battle of <paramref name="paths"/>, in order; <paramref name="threads"/> −1 uses all cores.</summary>
    public static PairwiseCounts Read(IEnumerable<string> paths, int threads = -1) => Read(paths, threads, MinimumChunkBytes);

    /// <summary><see cref="Read(IEnumerable{string}, int)"/> with stretches of at least <paramref name="chunkBytes"/> bytes.</summary>
    internal static PairwiseCounts Read(IEnumerable<string> paths, int threads, long chunkBytes)
    {
        var builder = new PairwiseCountsBuilder(new ItemIndex());
        foreach (var path in paths)
        {
            var fields = Layout(path);
            var chunks = Chunks(path, threads == -1 ? Environment.ProcessorCount : threads, chunkBytes);
            var counters = chunks.Select(_ => new BattleChunkCounter(fields)).ToArray();
            Parallel.For(0, chunks.Count, k =>
            {
                using var stream = Open(path);
                if (chunks[k].Start > 0) stream.Seek(chunks[k].Start, SeekOrigin.Begin);
                counters[k].Count(stream, chunks[k].Length);
            });
            long firstLine = 1;
            foreach (var counter in counters)
            {
                if (counter.Error is { } error) throw error.At(path, firstLine);
                firstLine += counter.Lines;
                Merge(counter, builder);
            }
        }
        return builder.Build();
    }

    private static void Merge(BattleChunkCounter counter, PairwiseCountsBuilder builder)
    {
        var global = new int[counter.Parser.Names.Count];
        Array.Fill(global, -1);
        int Map(int local) => global[local] >= 0 ? global[local] : global[local] = builder.Items.GetOrAdd(counter.Parser.Names[local]);
        for (int k = 0; k < counter.Keys.Count; k++)
        {
            var (a, b, outcome, score, weight) = counter.Keys[k];
            int first = Map(a);
            builder.Add(first, Map(b), outcome, score, weight, counter.Counts[k]);
        }
    }

    private static BattleLineFields Layout(string path) => TryLayout(path)
        ?? throw new DataFormatException(new SourceLocation(path, 1), null, Problems.UnknownFormat,
            "a JSONL battle log: {model_a, model_b, winner} or {item_a, item_b, outcome}");

    private static BattleLineFields? TryLayout(string path)
    {
        using var reader = new StreamReader(Open(path));
        string? line;
        while ((line = reader.ReadLine()) is not null && line.Trim().Length == 0) { }
        return line is null ? null : BattleLineFields.Detect(System.Text.Encoding.UTF8.GetBytes(line));
    }

    /// <summary>Byte ranges that start and end at line boundaries; a gzip file is one range.</summary>
    private static List<(long Start, long Length)> Chunks(string path, int threads, long chunkBytes)
    {
        long size = new FileInfo(path).Length;
        int count = IsGzip(path) ? 1 : (int)Math.Clamp(size / chunkBytes, 1, Math.Max(1, threads));
        var starts = new List<long> { 0 };
        using (var stream = File.OpenRead(path))
        {
            for (int k = 1; k < count; k++)
            {
                stream.Seek(Math.Max(size * k / count, starts[^1]), SeekOrigin.Begin);
                int value;
                while ((value = stream.ReadByte()) >= 0 && value != '\n') { }
                if (stream.Position < size && stream.Position > starts[^1]) starts.Add(stream.Position);
            }
        }
        return [.. starts.Select((start, k) => (start, k + 1 < starts.Count ? starts[k + 1] - start : IsGzip(path) ? long.MaxValue : size - start))];
    }

    private static Stream Open(string path) => InputFile.OpenDecompressed(path);

    private static bool IsGzip(string path)
    {
        using var stream = File.OpenRead(path);
        return stream.ReadByte() == 0x1f && stream.ReadByte() == 0x8b;
    }
}
