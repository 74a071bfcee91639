using System.Text;

namespace PrefSharp.Core.Data;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, fields quoted with '"' may hold commas, line breaks and
/// doubled quotes (""), rows end with CRLF or LF. Streams row by row.
/// </summary>
internal sealed class CsvReader
{
    private readonly TextReader reader;
    private readonly string path;
    private readonly StringBuilder field = new();
    private long line = 1;

    public CsvReader(TextReader reader, string path)
    {
        this.reader = reader;
        this.path = path;
    }

    /// <summary>1-based line where the row last returned starts.</summary>
    public long RowLine { get; private set; }

    /// <summary>Reads the next row into <paramref name="fields"/>; false at the end. Blank lines are skipped.</summary>
    public bool TryReadRow(List<string> fields)
    {
        fields.Clear();
        int next;
        while ((next = reader.Peek()) is '\r' or '\n')
        {
            ReadNewline();
        }
        if (next < 0)
        {
            return false;
        }
        RowLine = line;
        while (true)
        {
            var ended = ReadField();
            fields.Add(field.ToString());
            if (ended)
            {
                return true;
            }
        }
    }

    /// <summary>Reads one field into <see cref="field"/>; true when it ended the row.</summary>
    private bool ReadField()
    {
        field.Clear();
        var quoted = reader.Peek() == '"';
        if (quoted)
        {
            reader.Read();
        }
        while (true)
        {
            var c = reader.Peek();
            if (c < 0)
            {
                return quoted ? throw Malformed("the file ends inside a quoted field") : true;
            }
            if (quoted && c == '"')
            {
                reader.Read();
                if (reader.Peek() != '"')
                {
                    quoted = false;
                    continue;
                }
            }
            else if (!quoted && c == ',')
            {
                reader.Read();
                return false;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                ReadNewline();
                return true;
            }
            else if (c == '\n')
            {
                line++;
            }
            field.Append((char)reader.Read());
        }
    }

    private void ReadNewline()
    {
        if (reader.Read() == '\r' && reader.Peek() == '\n')
        {
            reader.Read();
        }
        line++;
    }

    private DataFormatException Malformed(string detail) =>
        new(new SourceLocation(path, RowLine), null, Problems.MalformedCsv, "RFC 4180 CSV (quotes closed, doubled inside)", detail);
}
