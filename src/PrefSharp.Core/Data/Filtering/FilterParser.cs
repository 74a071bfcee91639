using System.Globalization;
using static PrefSharp.Core.Data.Filtering.FilterTokenKind;

namespace PrefSharp.Core.Data.Filtering;

/// <summary>
/// Recursive descent over the grammar of <see cref="RecordFilter"/>: or → and ('or' and)*, and → not ('and' not)*,
/// not → 'not' not | '(' or ')' | comparison, comparison → name op literal | name 'in' '(' literal (',' literal)* ')'.
/// It builds the predicate directly; keywords are case-insensitive.
/// </summary>
internal sealed class FilterParser(string text)
{
    private readonly List<FilterToken> tokens = FilterLexer.Tokens(text);
    private int next;

    private FilterToken Peek => tokens[next];

    public Func<PreferenceRecord, bool> ParseWhole()
    {
        if (Peek.Kind == End) throw FilterLexer.Problem(1, "the condition is empty");
        var condition = Or();
        return Peek.Kind == End ? condition : throw Expected("and, or or the end of the condition");
    }

    private Func<PreferenceRecord, bool> Or()
    {
        var left = And();
        while (Keyword("or"))
        {
            var (l, right) = (left, And());
            left = record => l(record) || right(record);
        }
        return left;
    }

    private Func<PreferenceRecord, bool> And()
    {
        var left = Not();
        while (Keyword("and"))
        {
            var (l, right) = (left, Not());
            left = record => l(record) && right(record);
        }
        return left;
    }

    private Func<PreferenceRecord, bool> Not()
    {
        if (Keyword("not"))
        {
            var inner = Not();
            return record => !inner(record);
        }
        if (Peek.Kind != Open) return Comparison();
        next++;
        var grouped = Or();
        Expect(Close, "')'");
        return grouped;
    }

    private Func<PreferenceRecord, bool> Comparison()
    {
        var field = Peek.Kind == Name && !IsKeyword(Peek) ? tokens[next++].Text : throw Expected("a field name");
        if (Keyword("in"))
        {
            Expect(Open, "'(' after in");
            var values = new List<string> { Literal() };
            while (Peek.Kind == Comma)
            {
                next++;
                values.Add(Literal());
            }
            Expect(Close, "')' or ','");
            return record => RecordValues.Of(record, field) is { } value && values.Any(v => Compare(value, v) == 0);
        }
        var op = Peek.Kind == Operator ? tokens[next++].Text : throw Expected("== != < <= > >= or in");
        var literal = Literal();
        return op switch
        {
            "==" => record => RecordValues.Of(record, field) is { } v && Compare(v, literal) == 0,
            "!=" => record => RecordValues.Of(record, field) is { } v && Compare(v, literal) != 0,
            "<" => record => RecordValues.Of(record, field) is { } v && Compare(v, literal) < 0,
            "<=" => record => RecordValues.Of(record, field) is { } v && Compare(v, literal) <= 0,
            ">" => record => RecordValues.Of(record, field) is { } v && Compare(v, literal) > 0,
            _ => record => RecordValues.Of(record, field) is { } v && Compare(v, literal) >= 0,
        };
    }

    private string Literal() => Peek.Kind is FilterTokenKind.String or Number ? tokens[next++].Text : throw Expected("a 'quoted' string or a number");

    /// <summary>Numeric order when both read as numbers, ordinal text order otherwise.</summary>
    private static int Compare(string value, string literal) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
        && double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y) : string.CompareOrdinal(value, literal);

    private bool Keyword(string word)
    {
        if (Peek.Kind != Name || !Peek.Text.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        next++;
        return true;
    }

    private static bool IsKeyword(FilterToken token) => token.Text.ToLowerInvariant() is "and" or "or" or "not" or "in";

    private void Expect(FilterTokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw Expected(what);
        next++;
    }

    private ArgumentException Expected(string what) =>
        FilterLexer.Problem(Peek.Column, $"expected {what}, found {(Peek.Kind == End ? "the end" : $"'{Peek.Text}'")}");
}
