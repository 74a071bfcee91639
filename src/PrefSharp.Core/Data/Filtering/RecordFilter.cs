namespace PrefSharp.Core.Data.Filtering;

/// <summary>
/// A <c>--where</c> condition on records, such as <c>language == 'English' and judge != 'gpt-4'</c> or
/// <c>turn &lt;= 2 and model_a in ('a', 'b')</c>: comparisons (<c>== != &lt; &lt;= &gt; &gt;=</c>, <c>in (…)</c>) of a
/// field (<see cref="RecordValues"/>) with a quoted string or a number, combined by <c>and</c>, <c>or</c>, <c>not</c>
/// and parentheses, in the precedence SQL gives them. Two values that both read as numbers compare as numbers,
/// otherwise as text (ordinal). As in SQL, a comparison with a field the record lacks is false, and so is its negation
/// by <c>!=</c>; <c>not</c> turns it true.
/// </summary>
public sealed class RecordFilter
{
    private readonly Func<PreferenceRecord, bool> matches;

    private RecordFilter(string text, Func<PreferenceRecord, bool> matches) => (Text, this.matches) = (text, matches);

    /// <summary>The condition as the user wrote it.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; an <see cref="ArgumentException"/> names the column of the first problem.</summary>
    public static RecordFilter Parse(string text) => new(text, new FilterParser(text).ParseWhole());

    public bool Matches(PreferenceRecord record) => matches(record);
}
