namespace PrefSharp.Core.Data.Filtering;

/// <summary>Splits a <c>--where</c> condition into tokens: names, 'quoted' or "quoted" strings, numbers, operators, parentheses, commas.</summary>
internal static class FilterLexer
{
    public static List<FilterToken> Tokens(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var column = i + 1;
            if (char.IsWhiteSpace(c)) i++;
            else if (c is '(' or ')' or ',')
            {
                tokens.Add(new(c == '(' ? FilterTokenKind.Open : c == ')' ? FilterTokenKind.Close : FilterTokenKind.Comma, c.ToString(), column));
                i++;
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0) throw Problem(column, $"the string opened by {c} is not closed");
                tokens.Add(new(FilterTokenKind.String, text[(i + 1)..end], column));
                i = end + 1;
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < text.Length && text[i + 1] == '=';
                var op = text.Substring(i, two ? 2 : 1);
                if (op is "=" or "!") throw Problem(column, $"unknown operator '{op}'; expected == != < <= > >= or in");
                tokens.Add(new(FilterTokenKind.Operator, op, column));
                i += op.Length;
            }
            else if (char.IsDigit(c) || (c is '-' or '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i++;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] is '.' or 'e' or 'E' || (text[i] is '-' or '+' && text[i - 1] is 'e' or 'E'))) i++;
                tokens.Add(new(FilterTokenKind.Number, text[start..i], column));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-')) i++;
                tokens.Add(new(FilterTokenKind.Name, text[start..i], column));
            }
            else throw Problem(column, $"unexpected '{c}'");
        }
        tokens.Add(new(FilterTokenKind.End, "", text.Length + 1));
        return tokens;
    }

    public static ArgumentException Problem(int column, string what) => new($"--where: column {column}: {what}", "--where");
}
