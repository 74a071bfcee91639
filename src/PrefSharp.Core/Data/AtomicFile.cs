using System.IO.Compression;

namespace PrefSharp.Core.Data;

/// <summary>
/// Writes an output file atomically: into a temporary file in the same folder, renamed over the target only
/// once complete. A failure (bad input, a full disk, a crash) never leaves a torn or partial file, nor the temporary one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary file (readable and seekable, as Parquet appends need), then renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Atomic <see cref="File.WriteAllText(string, string)"/> (UTF-8, no byte-order mark).</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text)));

    /// <summary>As <see cref="Write"/>, gzip-compressing the content when the path ends with ".gz".</summary>
    public static void WriteCompressible(string path, Action<Stream> write) => Write(path, stream =>
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            write(stream);
            return;
        }
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        write(gzip);
    });
}
