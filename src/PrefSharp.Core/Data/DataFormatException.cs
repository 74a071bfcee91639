namespace PrefSharp.Core.Data;

/// <summary>
/// Bad input: names the place (file:line or file[index]), the field, what is wrong and what was expected.
/// Message shape: <c>path:line: field: what is wrong; expected …</c>.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(SourceLocation location, string? field, string problem, string? expected = null)
        : base(Format(location, field, problem, expected))
    {
        Location = location;
        Field = field;
        Problem = problem;
    }

    public SourceLocation Location { get; }
    public string? Field { get; }

    /// <summary>The short description of what is wrong (the "reason" counted by --skip-invalid).</summary>
    public string Problem { get; }

    private static string Format(SourceLocation location, string? field, string problem, string? expected) =>
        $"{location}: {(field is null ? "" : field + ": ")}{problem}{(expected is null ? "" : "; expected " + expected)}";
}
