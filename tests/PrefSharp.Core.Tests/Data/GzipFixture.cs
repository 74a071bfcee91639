using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace PrefSharp.Core.Tests.Data;

/// <summary>
/// A gzip file of battle lines built in the test, with the offset of a sync-flush point after the first
/// <see cref="LinesBeforeFlush"/> lines: cut there, the deflate data decodes cleanly up to that line and stops.
/// </summary>
internal sealed class GzipFixture
{
    public const int LinesBeforeFlush = 100;
    public const int Lines = 300;

    public GzipFixture()
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var line = 0; line < Lines; line++)
            {
                gzip.Write(Line(line));
                if (line == LinesBeforeFlush - 1)
                {
                    gzip.Flush();
                    FlushPoint = (int)memory.Length;
                }
            }
        }
        Bytes = memory.ToArray();
    }

    public byte[] Bytes { get; }

    /// <summary>Length of the file up to the sync flush after the first <see cref="LinesBeforeFlush"/> lines.</summary>
    public int FlushPoint { get; }

    public static byte[] Line(int index) => Encoding.UTF8.GetBytes($$"""{"item_a": "m{{index % 7}}", "item_b": "n{{index % 5}}", "outcome": "a"}""" + "\n");

    /// <summary>One gzip member written by hand, with the optional header fields FEXTRA, FNAME and FCOMMENT that GZipStream never writes; may be empty.</summary>
    public static byte[] MemberWithOptionalFields(byte[] content)
    {
        using var memory = new MemoryStream();
        memory.Write([0x1F, 0x8B, 8, 0x04 | 0x08 | 0x10, 0, 0, 0, 0, 0, 3]);
        memory.Write([3, 0, (byte)'a', (byte)'b', (byte)'c']);
        memory.Write("name.jsonl\0"u8);
        memory.Write("a comment\0"u8);
        if (content.Length == 0)
        {
            memory.Write([0x03, 0x00]); // the final empty fixed-Huffman block gzip writes (DeflateStream writes nothing for no input)
        }
        using (var deflate = new DeflateStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(content);
        }
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, Crc32.HashToUInt32(content));
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], (uint)content.Length);
        memory.Write(trailer);
        return memory.ToArray();
    }
}
