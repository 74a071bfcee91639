using PrefSharp.Core.Data.Filtering;

namespace PrefSharp.Core.Data;

/// <summary>How <see cref="PreferenceFileReader"/> reads a file.</summary>
public sealed record ReadOptions
{
    /// <summary>A short format name from <see cref="DataFormat.Names"/> (e.g. "trl"); null detects the format from the first record.</summary>
    public string? Format { get; init; }

    /// <summary>
    /// False (the default): the first bad record throws a <see cref="DataFormatException"/>.
    /// True: bad records are skipped and counted by reason in <see cref="PreferenceFileReader.Skipped"/>.
    /// </summary>
    public bool SkipInvalid { get; init; }

    /// <summary>Only records matching this condition are read (<c>--where</c>); null reads them all.</summary>
    public RecordFilter? Where { get; init; }

    public static ReadOptions Default { get; } = new();
}
