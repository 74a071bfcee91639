using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Filtering;

namespace PrefSharp.Core.Tests.Data;

/// <summary><c>--where</c>: comparisons, <c>in</c>, <c>and</c>/<c>or</c>/<c>not</c> with SQL's precedence and missing values, errors with a column.</summary>
public sealed class RecordFilterTests
{
    private static Battle Battle(string a, string b, BattleOutcome outcome, string language, string? turn = null) => new(a, b, outcome)
    {
        Judge = "gpt-4",
        Metadata = turn is null ? new Dictionary<string, string> { ["language"] = language }
            : new Dictionary<string, string> { ["language"] = language, ["turn"] = turn },
    };

    private static readonly Battle[] Battles =
    [
        Battle("x", "y", BattleOutcome.A, "English", "1"),
        Battle("x", "z", BattleOutcome.Tie, "German", "3"),
        Battle("y", "z", BattleOutcome.B, "English", "10"),
        Battle("z", "x", BattleOutcome.A, "English"),
    ];

    private static int[] Kept(string where) => [.. Battles.Select((b, i) => (b, i)).Where(p => RecordFilter.Parse(where).Matches(p.b)).Select(p => p.i)];

    [Theory]
    [InlineData("language == 'English'", new[] { 0, 2, 3 })]
    [InlineData("turn <= 3", new[] { 0, 1 })]                                  // numbers compare as numbers: "10" > 3
    [InlineData("turn != 1", new[] { 1, 2 })]                                  // a missing turn matches no comparison
    [InlineData("not turn == 1", new[] { 1, 2, 3 })]                           // … but its negation by not
    [InlineData("model_a in ('y', 'z') or outcome == 'tie'", new[] { 1, 2, 3 })]
    [InlineData("language == 'German' or language == 'English' and turn > 5", new[] { 1, 2 })]   // and binds tighter
    [InlineData("(language == 'German' or language == 'English') AND turn > 5", new[] { 2 })]
    [InlineData("judge == \"gpt-4\" and item_b >= 'y'", new[] { 0, 1, 2 })]  // text compares ordinally
    public void Conditions_keep_the_records_sql_would(string where, int[] kept) => Assert.Equal(kept, Kept(where));

    [Theory]
    [InlineData("", "column 1: the condition is empty")]
    [InlineData("language = 'English'", "column 10: unknown operator '='; expected == != < <= > >= or in")]
    [InlineData("language == 'English", "column 13: the string opened by ' is not closed")]
    [InlineData("language == 'English' and", "column 26: expected a field name, found the end")]
    [InlineData("turn in (1, 2", "column 14: expected ')' or ',', found the end")]
    [InlineData("(turn > 1", "column 10: expected ')', found the end")]
    [InlineData("turn > 1 language", "column 10: expected and, or or the end of the condition, found 'language'")]
    public void Mistakes_name_their_column(string where, string message) =>
        Assert.Equal($"--where: {message} (Parameter '--where')", Assert.Throws<ArgumentException>(() => RecordFilter.Parse(where)).Message);
}
