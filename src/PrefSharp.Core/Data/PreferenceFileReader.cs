using System.Collections;

namespace PrefSharp.Core.Data;

/// <summary>
/// Reads preference records from a file, streaming: JSONL line by line, JSON arrays element by element, CSV row by
/// row, Parquet row group by row group; gzip is recognised by its magic bytes. The format is detected from the first
/// record's fields unless <see cref="ReadOptions.Format"/> names one. Bad records throw a
/// <see cref="DataFormatException"/> (<c>path:line: field: problem; expected …</c>), or with
/// <see cref="ReadOptions.SkipInvalid"/> are skipped and counted in <see cref="Skipped"/>.
/// </summary>
/// <example><code>
/// var reader = new PreferenceFileReader("pairs.jsonl.gz", new ReadOptions { SkipInvalid = true });
/// foreach (var record in reader) { … }
/// Console.WriteLine($"{reader.Format?.Name}: skipped {reader.Skipped.Total}");
/// </code></example>
public sealed class PreferenceFileReader : IEnumerable<PreferenceRecord>
{
    public PreferenceFileReader(string path, ReadOptions? options = null)
    {
        Path = path;
        Options = options ?? ReadOptions.Default;
        Container = InputFile.DetectContainer(path);
        Format = Options.Format is { } name ? DataFormat.Find(name) : null;
    }

    public string Path { get; }
    public ReadOptions Options { get; }
    public InputContainer Container { get; }

    /// <summary>The format: the one named in the options, or the one detected once enumeration has read a record.</summary>
    public IDataFormat? Format { get; private set; }

    /// <summary>Records skipped by the last enumeration, by reason (always empty unless <see cref="ReadOptions.SkipInvalid"/>).</summary>
    public SkippedRecords Skipped { get; private set; } = new();

    /// <summary>Valid records that <see cref="ReadOptions.Where"/> left out in the last enumeration.</summary>
    public long FilteredOut { get; private set; }

    /// <summary>Reads the whole file into a list (convenient for small files and tests).</summary>
    public static List<PreferenceRecord> ReadAll(string path, ReadOptions? options = null) => new PreferenceFileReader(path, options).ToList();

    public IEnumerator<PreferenceRecord> GetEnumerator()
    {
        var skipped = Skipped = new SkippedRecords();
        FilteredOut = 0;
        void OnError(DataFormatException error) => skipped.SkipOrThrow(error, Options.SkipInvalid);
        if (Container == InputContainer.Text)
        {
            var text = Format as RankingsTextFormat ?? (Format is null ? new RankingsTextFormat() : throw WrongContainer());
            Format = text;
            return Filter(text.Read(Path, OnError)).GetEnumerator();
        }
        if (Format is not (null or IRecordFormat))
        {
            throw WrongContainer();
        }
        return Filter(ReadRecords(OnError)).GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The records that <see cref="ReadOptions.Where"/> keeps, counting the others in <see cref="FilteredOut"/>.</summary>
    private IEnumerable<PreferenceRecord> Filter(IEnumerable<PreferenceRecord> records)
    {
        foreach (var record in records)
        {
            if (Options.Where?.Matches(record) == false) FilteredOut++;
            else yield return record;
        }
    }

    private IEnumerable<PreferenceRecord> ReadRecords(Action<DataFormatException> onError)
    {
        var output = new List<PreferenceRecord>(4);
        foreach (var source in OpenSource())
        {
            using (source)
            {
                output.Clear();
                try
                {
                    var fields = source.Fields ?? throw source.Error!;
                    var format = (IRecordFormat?)Format ?? DataFormat.Detect(fields) ?? throw UnknownFormat(fields);
                    Format = format;
                    format.Read(fields, output);
                }
                catch (DataFormatException error)
                {
                    output.Clear();
                    onError(error);
                }
            }
            foreach (var record in output)
            {
                yield return record;
            }
        }
    }

    private IEnumerable<SourceRecord> OpenSource() => Container switch
    {
        InputContainer.JsonLines => JsonLinesSource.Read(Path),
        InputContainer.JsonArray => JsonArraySource.Read(Path),
        InputContainer.Csv => CsvSource.Read(Path),
        _ => ParquetSource.Read(Path),
    };

    private static DataFormatException UnknownFormat(RecordFields fields) => fields.Error(null, Problems.UnknownFormat,
        $"the fields of one of the formats {string.Join(", ", DataFormat.All.OfType<IRecordFormat>().Select(format => format.Name))}",
        "fields: " + string.Join(", ", fields.Root.EnumerateObject().Select(property => property.Name).Take(12)));

    private DataFormatException WrongContainer() => new(new SourceLocation(Path, 1), null, Problems.UnknownFormat,
        Container == InputContainer.Text ? "rankings-txt for a plain-text file" : "a record format for a JSON, CSV or Parquet file",
        $"format \"{Format!.Name}\" cannot read a {Container} file");
}
