namespace PrefSharp.Core.Data;

/// <summary>
/// Opens input files: gzip is recognised by its magic bytes (not by the name) and decompressed on the fly, checked
/// to the last member's trailer (<see cref="GzipInputStream"/>), and the container (JSONL, JSON array, Parquet, CSV,
/// text) is told from the first bytes and the extension. A directory, an empty file, or a ".parquet" file without
/// the Parquet magic is a <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class InputFile
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens a file for sequential reading, decompressing it when it starts with the gzip magic bytes 1F 8B.</summary>
    public static Stream OpenDecompressed(string path)
    {
        var file = Open(path);
        Span<byte> magic = stackalloc byte[2];
        var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        file.Position = 0;
        return isGzip ? new GzipInputStream(file, path) : file;
    }

    /// <summary>Tells the container from the first non-blank byte ('[' or '{'), the Parquet magic "PAR1", or the extension (.csv).</summary>
    public static InputContainer DetectContainer(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        using (var raw = Open(path))
        {
            Span<byte> magic = stackalloc byte[4];
            var isParquet = raw.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.SequenceEqual("PAR1"u8);
            if (isParquet)
            {
                return InputContainer.Parquet;
            }
            if (name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase))
            {
                throw new DataFormatException(SourceLocation.WholeFile(path), null, Problems.CorruptFile,
                    "a Parquet file, which starts with \"PAR1\"", $"starts with bytes {Convert.ToHexString(magic[..(int)Math.Min(4, raw.Length)])}");
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
        if (first.IsEmpty && count < buffer.Length)
        {
            throw new DataFormatException(SourceLocation.WholeFile(path), null, Problems.NoRecords, "at least one record", "the file is empty");
        }
        if (!first.IsEmpty && first[0] == (byte)'[')
        {
            return InputContainer.JsonArray;
        }
        if (!first.IsEmpty && first[0] == (byte)'{')
        {
            return InputContainer.JsonLines;
        }
        return name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? InputContainer.Csv : InputContainer.Text;
    }

    private static FileStream Open(string path) => Directory.Exists(path)
        ? throw new DataFormatException(SourceLocation.WholeFile(path), null, Problems.NotAFile, "a file of records", "it is a directory")
        : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
}
