using System.IO.Compression;
using System.IO.Hashing;

namespace PrefSharp.Core.Data;

/// <summary>
/// Decompresses a gzip file of one or more members (RFC 1952) and proves it whole: every member must end with its
/// trailer, whose CRC-32 and length (mod 2^32) must match the data decompressed. <see cref="GZipStream"/> alone
/// returns a shorter stream without a word when a file is cut (at a flush point it even decodes cleanly), so a cut
/// file here is a <see cref="Problems.TruncatedFile"/> error naming the file, and a checksum that does not match is a
/// <see cref="Problems.CorruptFile"/> error. Neither is a bad record: <see cref="ReadOptions.SkipInvalid"/> does not skip them.
/// </summary>
public sealed class GzipInputStream : ForwardReadStream
{
    private readonly GzipRawInput input;
    private readonly string path;
    private readonly Crc32 crc = new();
    private DeflateStream? member;
    private long memberLength;
    private long totalLength;
    private int members;
    private bool finished;

    /// <param name="compressed">The gzip bytes from their first byte (disposed with this stream).</param>
    /// <param name="path">The file's name, for error messages.</param>
    public GzipInputStream(Stream compressed, string path)
    {
        input = new GzipRawInput(compressed);
        this.path = path;
    }

    protected override long BytesRead => totalLength;

    public override int Read(Span<byte> buffer)
    {
        while (!finished && !buffer.IsEmpty)
        {
            if (member is null && !StartMember())
            {
                finished = true;
                break;
            }
            var count = Inflate(buffer);
            if (count > 0)
            {
                crc.Append(buffer[..count]);
                memberLength += count;
                totalLength += count;
                return count;
            }
            EndMember();
        }
        return 0;
    }

    private bool StartMember()
    {
        if (members > 0 && !input.TryPeek(1, out _))
        {
            return false;
        }
        GzipHeader.Skip(input, Truncated, Corrupt);
        input.MarkMemberStart();
        members++;
        member = new DeflateStream(input, CompressionMode.Decompress, leaveOpen: true);
        return true;
    }

    private int Inflate(Span<byte> buffer)
    {
        try
        {
            return member!.Read(buffer);
        }
        catch (InvalidDataException error)
        {
            throw Corrupt($"gzip member {members} near byte {input.Offset}: {error.Message.TrimEnd('.')}");
        }
    }

    private void EndMember()
    {
        member!.Dispose();
        member = null;
        var expected = crc.GetCurrentHashAsUInt32();
        if (!input.TrySkipTrailer(expected, (uint)memberLength))
        {
            throw input.HoldsLength((uint)memberLength)
                ? Corrupt($"the CRC-32 of gzip member {members} does not match its data")
                : Truncated($"the compressed data stops at byte {input.Offset}, inside gzip member {members}, after {totalLength} decompressed bytes");
        }
        crc.Reset();
        memberLength = 0;
    }

    private DataFormatException Truncated(string detail) => new(SourceLocation.WholeFile(path), null, Problems.TruncatedFile,
        "a complete gzip file (`gzip -t` checks one)", detail);

    private DataFormatException Corrupt(string detail) => new(SourceLocation.WholeFile(path), null, Problems.CorruptFile,
        "an intact gzip file (`gzip -t` checks one)", detail);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            member?.Dispose();
            input.Dispose();
        }
        base.Dispose(disposing);
    }
}
