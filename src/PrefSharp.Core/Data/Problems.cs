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
}
