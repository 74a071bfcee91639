namespace PrefSharp.Core.Data;

/// <summary>
/// Bad input: names the place (file:line or file[index]), the field, what is wrong and what was expected.
/// Message shape: <c>path:line: field: what is wrong (detail); expected …</c>.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(SourceLocation location, string? field, string problem, string? expected = null)
        : this(location, field, problem, expected, detail: null)
    {
    }

    /// <summary>
    /// As the other constructor, with a detail: the specifics of this occurrence (the value seen), kept out of
    /// <see cref="Problem"/> so that skip counts group by kind.
    /// </summary>
    public DataFormatException(SourceLocation location, string? field, string problem, string? expected, string? detail)
        : base(Format(location, field, problem, expected, detail))
    {
        Location = location;
        Field = field;
        Problem = problem;
    }

    public SourceLocation Location { get; }
    public string? Field { get; }

    /// <summary>The short description of what is wrong (the "reason" counted by --skip-invalid); see <see cref="Problems"/>.</summary>
    public string Problem { get; }

    private static string Format(SourceLocation location, string? field, string problem, string? expected, string? detail) =>
        $"{location}: {(field is null ? "" : field + ": ")}{problem}{(detail is null ? "" : " (" + detail + ")")}" +
        $"{(expected is null ? "" : "; expected " + expected)}";
}
