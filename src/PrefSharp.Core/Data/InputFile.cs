using System.IO.Compression;

namespace PrefSharp.Core.Data;

/// <summary>
/// Opens input files: gzip is recognised by its magic bytes (not by the name) and decompressed on the fly,
/// and the container (JSONL, JSON array, Parquet, CSV, text) is told from the first bytes and the extension.
/// </summary>
public static class InputFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens a file for sequential reading, decompressing it when it starts with the gzip magic bytes 1F 8B.</summary>
    public static Stream OpenDecompressed(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        file.Position = 0;
        return isGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>Tells the container from the first non-blank byte ('[' or '{'), the Parquet magic "PAR1", or the extension (.csv).</summary>
    public static InputContainer DetectContainer(string path)
    {
        using (var raw = File.OpenRead(path))
        {
            Span<byte> magic = stackalloc byte[4];
            if (raw.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8))
            {
                return InputContainer.Parquet;
            }
        }
        using var stream = OpenDecompressed(path);
        var buffer = new byte[4096];
        var count = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var first = buffer.AsSpan(0, count);
        if (first.StartsWith("\uFEFF"u8))
        {
            first = first[3..];
        }
        first = first.TrimStart(" \t\r\n"u8);
        if (!first.IsEmpty && first[0] == (byte)'[')
        {
            return InputContainer.JsonArray;
        }
        if (!first.IsEmpty && first[0] == (byte)'{')
        {
            return InputContainer.JsonLines;
        }
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? InputContainer.Csv : InputContainer.Text;
    }
}
