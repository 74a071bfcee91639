using System.CommandLine;
using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Filtering;

namespace PrefSharp.Cli.Commands;

/// <summary>The options every verb that reads preference files shares: <c>--format</c>, <c>--skip-invalid</c> and <c>--where</c>.</summary>
public sealed class ReadingOptions
{
    public Option<string?> Format { get; } = new("--format")
    {
        Description = $"Input format (default: detected from the first record): {string.Join(", ", DataFormat.Names)}",
    };

    public Option<bool> SkipInvalid { get; } = new("--skip-invalid")
    {
        Description = "Skip bad records and report how many by reason (default: stop at the first, exit code 2, write nothing)",
    };

    public Option<string?> Where { get; } = new("--where")
    {
        Description = "Read only the records matching a condition, e.g. \"language == 'English' and turn <= 2\" or \"judge in ('gpt-4', 'claude')\" " +
            "(fields: item_a/model_a, item_b/model_b, outcome, judge, question_id, weight, chosen_model, rejected_model, or any metadata field)",
    };

    public void AddTo(Command command)
    {
        command.Add(Format);
        command.Add(SkipInvalid);
        command.Add(Where);
    }

    public ReadOptions From(ParseResult parse) => new()
    {
        Format = parse.GetValue(Format),
        SkipInvalid = parse.GetValue(SkipInvalid),
        Where = parse.GetValue(Where) is { } where ? RecordFilter.Parse(where) : null,
    };

    /// <summary>Tells the user on stderr what --skip-invalid left out, with the first message of each reason.</summary>
    public static void ReportSkipped(SkippedRecords skipped, string path, TextWriter error)
    {
        if (skipped.Total == 0) return;
        error.WriteLine($"{path}: skipped {skipped.Total} invalid record(s):");
        foreach (var (reason, count) in skipped.ByReason)
            error.WriteLine($"  {count,8}  {reason}   (first: {skipped.FirstMessages[reason]})");
    }
}
