namespace PrefSharp.Core.Data;

/// <summary>
/// Streams the elements of a top-level JSON array: finds where each element ends by tracking strings and
/// bracket depth, without parsing it, so only one element is in memory at a time. Each element is then parsed
/// on its own, so a malformed element can be skipped. A broken array structure (a missing ']') throws.
/// </summary>
internal sealed class JsonArrayScanner
{
    private readonly Stream stream;
    private readonly string path;
    private byte[] buffer = new byte[1 << 20];
    private int position;
    private int end;
    private bool started;
    private bool finished;

    public JsonArrayScanner(Stream stream, string path)
    {
        this.stream = stream;
        this.path = path;
    }

    /// <summary>0-based index of the next element.</summary>
    public long Index { get; private set; }

    /// <summary>The next element's bytes, valid until the next call; false after the closing ']'.</summary>
    public bool TryReadElement(out ReadOnlyMemory<byte> element)
    {
        element = default;
        if (finished)
        {
            return false;
        }
        if (!started && !Open())
        {
            return false;
        }
        var elementStart = position;
        int depth = 0, scan = position;
        bool inString = false, escaped = false;
        while (true)
        {
            if (scan == end)
            {
                var kept = Refill(elementStart);
                scan -= elementStart - kept;
                elementStart = kept;
                if (scan == end)
                {
                    throw Broken("the file ends inside the array");
                }
            }
            var current = buffer[scan];
            if (escaped)
            {
                escaped = false;
            }
            else if (inString)
            {
                escaped = current == (byte)'\\';
                inString = current != (byte)'"';
            }
            else if (current == (byte)'"')
            {
                inString = true;
            }
            else if (current is (byte)'{' or (byte)'[')
            {
                depth++;
            }
            else if (current is (byte)'}' or (byte)']' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && current is (byte)',' or (byte)']')
            {
                break;
            }
            scan++;
        }
        finished = buffer[scan] == (byte)']';
        element = buffer.AsMemory(elementStart, scan - elementStart);
        position = scan + 1;
        if (element.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw Broken("an empty element between commas");
        }
        Index++;
        return true;
    }

    private bool Open()
    {
        started = true;
        SkipWhitespace();
        if (position < end && buffer[position] == 0xEF)
        {
            position += 3;
            SkipWhitespace();
        }
        if (position == end || buffer[position] != (byte)'[')
        {
            throw Broken("the file does not start with '['");
        }
        position++;
        SkipWhitespace();
        finished = position < end && buffer[position] == (byte)']';
        return !finished;
    }

    private void SkipWhitespace()
    {
        while (true)
        {
            if (position == end && Refill(position) == end)
            {
                return;
            }
            if (buffer[position] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return;
            }
            position++;
        }
    }

    /// <summary>Moves the bytes from <paramref name="keepFrom"/> to the front, reads more; returns where they now start.</summary>
    private int Refill(int keepFrom)
    {
        var kept = end - keepFrom;
        if (keepFrom > 0)
        {
            Buffer.BlockCopy(buffer, keepFrom, buffer, 0, kept);
        }
        else if (kept == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }
        position -= keepFrom;
        end = kept + stream.Read(buffer, kept, buffer.Length - kept);
        return 0;
    }

    private DataFormatException Broken(string detail) =>
        new(new SourceLocation(path, Index, IsRecordIndex: true), null, Problems.MalformedJson, "a JSON array of objects", detail);
}
