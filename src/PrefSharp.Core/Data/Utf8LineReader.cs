namespace PrefSharp.Core.Data;

/// <summary>
/// Splits a UTF-8 stream into lines without decoding it: constant memory (one buffer, grown only for a line
/// longer than it), '\n' found with a vectorised search. A line is valid until the next call.
/// </summary>
internal sealed class Utf8LineReader
{
    private readonly Stream stream;
    private byte[] buffer = new byte[1 << 20];
    private int start;
    private int end;
    private int scanned;
    private bool endOfStream;

    public Utf8LineReader(Stream stream) => this.stream = stream;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The next line without its '\n' (and a '\r' before it); false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var stop = scanned + newline;
                line = Slice(stop);
                start = scanned = stop + 1;
                return true;
            }
            scanned = end;
            if (endOfStream)
            {
                var hasRest = start < end;
                line = hasRest ? Slice(end) : default;
                start = scanned = end;
                return hasRest;
            }
            Refill();
        }
    }

    private ReadOnlyMemory<byte> Slice(int stop)
    {
        LineNumber++;
        var length = stop - start;
        if (length > 0 && buffer[stop - 1] == (byte)'\r')
        {
            length--;
        }
        var first = start;
        if (LineNumber == 1 && buffer.AsSpan(first, length).StartsWith("\uFEFF"u8))
        {
            first += 3;
            length -= 3;
        }
        return buffer.AsMemory(first, length);
    }

    private void Refill()
    {
        if (start > 0)
        {
            Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
            end -= start;
            scanned -= start;
            start = 0;
        }
        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
        {
            endOfStream = true;
        }
        end += read;
    }
}
