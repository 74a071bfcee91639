using System.Buffers.Binary;

namespace PrefSharp.Core.Data;

/// <summary>
/// The compressed bytes under a <see cref="GzipInputStream"/>. It serves them to a <see cref="System.IO.Compression.DeflateStream"/>
/// and keeps the bytes of the last two reads, because the deflate decoder takes input in chunks and does not say where
/// its data ended: the member's trailer lies somewhere in those last two chunks.
/// </summary>
internal sealed class GzipRawInput(Stream file) : ForwardReadStream
{
    private byte[] buffer = new byte[1 << 16];
    private long bufferOffset;
    private int position;
    private int end;
    private int lastRead;
    private int previousRead;

    /// <summary>Offset in the file of the next byte not yet handed out.</summary>
    public long Offset => bufferOffset + position;

    protected override long BytesRead => Offset;

    public override int Read(Span<byte> destination)
    {
        if (position == end && !Ensure(1))
        {
            return 0;
        }
        var count = Math.Min(destination.Length, end - position);
        buffer.AsSpan(position, count).CopyTo(destination);
        previousRead = lastRead;
        lastRead = position;
        position += count;
        return count;
    }

    /// <summary>The next <paramref name="count"/> bytes without consuming them; false when the file ends first.</summary>
    public bool TryPeek(int count, out ReadOnlySpan<byte> bytes)
    {
        var available = Ensure(count);
        bytes = buffer.AsSpan(position, available ? count : end - position);
        return available;
    }

    public void Skip(int count) => position += count;

    /// <summary>Starts a member: the trailer search will look only at what is read from here on.</summary>
    public void MarkMemberStart() => previousRead = lastRead = position;

    /// <summary>
    /// Finds the 8-byte trailer (CRC-32, length mod 2^32, little-endian) in the bytes handed out by the last two reads
    /// (or just after them) and moves past it. Where several places hold those bytes (an empty member's trailer is all
    /// zeros, as a deflate tail may be), the first one followed by the end of the file or another member wins.
    /// Returns false when no place holds the trailer.
    /// </summary>
    public bool TrySkipTrailer(uint crc, uint length)
    {
        Span<byte> trailer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer[4..], length);
        Ensure(8);
        var limit = position + 8 - previousRead;
        int? first = null;
        for (var from = 0; ; from++)
        {
            var found = buffer.AsSpan(previousRead + from, Math.Min(end - previousRead, limit) - from).IndexOf(trailer);
            if (found < 0)
            {
                break;
            }
            from += found;
            first ??= from;
            position = previousRead + from + 8;
            if (!TryPeek(3, out var next) && next.IsEmpty || next.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B, 8]))
            {
                MarkMemberStart();
                return true;
            }
        }
        if (first is { } start)
        {
            position = previousRead + start + 8;
            MarkMemberStart();
        }
        return first is not null;
    }

    /// <summary>True when the last two reads (or the bytes just after them) hold this member length where a trailer's would be.</summary>
    public bool HoldsLength(uint length)
    {
        var window = buffer.AsSpan(previousRead, Math.Min(end, position + 8) - previousRead);
        for (var at = 4; at + 4 <= window.Length; at++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(window.Slice(at, 4)) == length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Makes <paramref name="count"/> bytes from the current position available, keeping the last two reads.</summary>
    private bool Ensure(int count)
    {
        while (end - position < count)
        {
            var keep = Math.Min(previousRead, position);
            if (keep > 0)
            {
                Buffer.BlockCopy(buffer, keep, buffer, 0, end - keep);
                (bufferOffset, end, position, lastRead, previousRead) = (bufferOffset + keep, end - keep, position - keep, lastRead - keep, previousRead - keep);
            }
            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
            var read = file.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                return false;
            }
            end += read;
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }
        base.Dispose(disposing);
    }
}
