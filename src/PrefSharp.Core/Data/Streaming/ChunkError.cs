namespace PrefSharp.Core.Data.Streaming;

/// <summary>What was wrong with a line of a chunk, at its line number within the chunk (1-based).</summary>
internal sealed record ChunkError(long Line, string? Field, string Problem, string? Expected, string? Detail)
{
    public DataFormatException At(string path, long firstLine) =>
        new(new SourceLocation(path, firstLine + Line - 1), Field, Problem, Expected, Detail);
}
