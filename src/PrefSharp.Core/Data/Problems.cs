namespace PrefSharp.Core.Data;

/// <summary>
/// The kinds of bad input a reader reports, used as <see cref="DataFormatException.Problem"/>.
/// They are few and fixed so that records skipped with <see cref="ReadOptions.SkipInvalid"/> can be counted by reason.
/// </summary>
public static class Problems
{
    public const string MalformedJson = "malformed JSON";
    public const string NotAnObject = "not a JSON object";
    public const string MalformedCsv = "malformed CSV";
    public const string MalformedRow = "malformed row";
    public const string MissingField = "missing field";
    public const string WrongType = "wrong type";
    public const string NotFinite = "not a finite number";
    public const string OutOfRange = "out of range";
    public const string UnknownLabel = "unknown label";
    public const string EmptyText = "empty text";
    public const string IdenticalResponses = "chosen identical to rejected";
    public const string SelfComparison = "item compared with itself";
    public const string UnknownFormat = "unknown format";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string LoneSurrogate = "lone surrogate";
    public const string DuplicateField = "duplicate field";

    /// <summary>The file itself is damaged (not one record): never skipped, even with <see cref="ReadOptions.SkipInvalid"/>.</summary>
    public const string TruncatedFile = "truncated file";

    /// <summary>The container is damaged (a gzip checksum, Parquet metadata): never skipped.</summary>
    public const string CorruptFile = "corrupt file";

    /// <summary>An empty file, a directory, or a file with no records to convert.</summary>
    public const string NoRecords = "no records";
    public const string NotAFile = "not a file";
}
