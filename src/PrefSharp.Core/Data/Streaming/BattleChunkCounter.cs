using System.Buffers;

namespace PrefSharp.Core.Data.Streaming;

/// <summary>
/// Counts the battles of one stretch of a JSONL battle log: lines are cut from pooled byte buffers, parsed by
/// <see cref="BattleLineParser"/>, and every distinct (A, B, outcome, score, weight) gets a count, kept in order of
/// first appearance so that replaying the chunks in file order rebuilds exactly the aggregation of the record path.
/// No record object is made; memory grows with the distinct keys, not with the battles.
/// </summary>
internal sealed class BattleChunkCounter(BattleLineFields fields)
{
    private const int BufferBytes = 1 << 20;

    private readonly Dictionary<(int A, int B, BattleOutcome Outcome, double Score, double Weight), int> _slot = [];

    public BattleLineParser Parser { get; } = new(fields);

    /// <summary>The distinct battles in order of first appearance, and how often each occurred.</summary>
    public List<(int A, int B, BattleOutcome Outcome, double Score, double Weight)> Keys { get; } = [];
    public List<int> Counts { get; } = [];

    /// <summary>Lines read (blank lines included).</summary>
    public long Lines { get; private set; }

    /// <summary>The first bad line, when there was one (counting stops there).</summary>
    public ChunkError? Error { get; private set; }

    /// <summary>Reads <paramref name="stream"/> to its end, or <paramref name="limit"/> bytes (which must end a line).</summary>
    public void Count(Stream stream, long limit = long.MaxValue)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            int filled = 0;
            long remaining = limit;
            while (Error is null)
            {
                if (filled == buffer.Length) buffer = Grow(buffer, filled);
                int read = remaining == 0 ? 0 : stream.Read(buffer, filled, (int)Math.Min(buffer.Length - filled, remaining));
                remaining -= read;
                if (read == 0) { if (filled > 0) Line(buffer.AsSpan(0, filled)); return; }
                filled += read;
                var span = buffer.AsSpan(0, filled);
                int start = 0, newline;
                while (Error is null && (newline = span[start..].IndexOf((byte)'\n')) >= 0)
                {
                    Line(span.Slice(start, newline));
                    start += newline + 1;
                }
                span[start..].CopyTo(buffer);
                filled -= start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Line(ReadOnlySpan<byte> line)
    {
        Lines++;
        if (line.TrimStart(" \t\r"u8).IsEmpty) return;
        Error = Parser.Parse(line, Lines, out var battle);
        if (Error is not null) return;
        if (_slot.TryGetValue(battle, out int slot)) { Counts[slot]++; return; }
        _slot.Add(battle, Keys.Count);
        Keys.Add(battle);
        Counts.Add(1);
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(2 * buffer.Length);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
