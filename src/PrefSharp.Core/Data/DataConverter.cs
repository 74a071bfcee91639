namespace PrefSharp.Core.Data;

/// <summary>
/// Converts a preference file of any readable format into TRL JSONL, PrefSharp battle JSONL or Parquet
/// (the API behind <c>prefsharp data convert IN OUT [--to trl|battles|parquet]</c>). The output is written
/// atomically: by default the first bad record (unreadable, or not convertible to the target) aborts the
/// conversion and nothing is written; with <see cref="ReadOptions.SkipInvalid"/> such records are skipped and counted.
/// A conversion that would write no record (an empty input, or every record skipped) is an error and writes nothing.
/// </summary>
public static class DataConverter
{
    /// <param name="input">The file to read (format detected unless <paramref name="options"/> names one).</param>
    /// <param name="output">The file to write; ".gz" compresses JSONL.</param>
    /// <param name="target">Null: Parquet for a ".parquet" output, otherwise battles when the first record is a battle, else TRL.</param>
    /// <param name="options">Reading options (format override, skip invalid records).</param>
    public static ConversionResult Convert(string input, string output, ConvertTarget? target = null, ReadOptions? options = null)
    {
        var reader = new PreferenceFileReader(input, options);
        using var records = reader.GetEnumerator();
        var skipped = reader.Skipped;
        var first = records.MoveNext() ? records.Current : null;
        var all = Rest(first, records);
        var chosen = target ?? (output.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? ConvertTarget.Parquet
            : first is Battle ? ConvertTarget.Battles : ConvertTarget.Trl);
        var skip = reader.Options.SkipInvalid;
        var written = chosen switch
        {
            ConvertTarget.Trl => TrlJsonlWriter.Write(output, Map(input, all, ToTrlRecord, skipped, skip)),
            ConvertTarget.Battles => BattleJsonlWriter.Write(output, Map(input, all, ToBattle, skipped, skip)),
            _ when first is Battle => BattleParquetWriter.Write(output, Map(input, all, ToBattle, skipped, skip)),
            _ => PairParquetWriter.Write(output, Map(input, all, ToPair, skipped, skip)),
        };
        return new ConversionResult(input, output, reader.Format?.Name, chosen, written, skipped);
    }

    private static IEnumerable<PreferenceRecord> Rest(PreferenceRecord? first, IEnumerator<PreferenceRecord> records)
    {
        if (first is null)
        {
            yield break;
        }
        yield return first;
        while (records.MoveNext())
        {
            yield return records.Current;
        }
    }

    /// <summary>Converts each record (skipping or throwing on those that cannot be); throws at the end when none could.</summary>
    private static IEnumerable<T> Map<T>(string input, IEnumerable<PreferenceRecord> records, Func<PreferenceRecord, T> convert, SkippedRecords skipped, bool skip)
        where T : class
    {
        var any = false;
        foreach (var record in records)
        {
            T? converted = null;
            try
            {
                converted = convert(record);
            }
            catch (DataFormatException error)
            {
                skipped.SkipOrThrow(error, skip);
            }
            if (converted is not null)
            {
                any = true;
                yield return converted;
            }
        }
        if (!any)
        {
            throw new DataFormatException(SourceLocation.WholeFile(input), null, Problems.NoRecords, "at least one record to convert",
                skipped.Total > 0 ? $"all {skipped.Total} were skipped as invalid" : "the file holds none");
        }
    }

    private static PreferenceRecord ToTrlRecord(PreferenceRecord record) => record switch
    {
        Battle battle => battle.ToPreferencePair(),
        PreferencePair or UnpairedJudgement or PromptOnly => record,
        _ => throw Unsupported(record, "pairs, unpaired judgements, prompts or battles with texts"),
    };

    private static PreferencePair ToPair(PreferenceRecord record) => record switch
    {
        PreferencePair pair => pair,
        Battle battle => battle.ToPreferencePair(),
        _ => throw Unsupported(record, "pairs or battles with texts (Parquet output holds pairs or battles)"),
    };

    private static Battle ToBattle(PreferenceRecord record) => record switch
    {
        Battle battle => battle,
        PreferencePair pair => pair.ToBattle(),
        _ => throw Unsupported(record, "battles, or pairs with model names"),
    };

    private static DataFormatException Unsupported(PreferenceRecord record, string expected) =>
        new(record.Location, null, Problems.WrongType, expected, $"got a {record.GetType().Name}");
}
