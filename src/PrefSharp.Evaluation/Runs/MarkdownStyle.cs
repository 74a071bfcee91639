using System.Text.RegularExpressions;

namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// The style features Chatbot Arena's style control uses (FastChat <c>count_markdown_elements</c> after
/// <c>remove_pattern</c> of fenced code blocks; "Does style matter?", LMSYS blog, Aug 2024): headers (<c>#</c> to
/// <c>######</c> at a line start), list items (ordered <c>1.</c> and unordered <c>-</c>, <c>*</c>, <c>+</c>), bold spans
/// (<c>**…**</c>, <c>__…__</c>), and the length in characters (Unicode code points; FastChat counts tokens, which this
/// project's judge has no tokenizer for). Keys match <see cref="Core.Ranking.Style.StyleControlOptions.Features"/>.
/// </summary>
public static partial class MarkdownStyle
{
    public static IReadOnlyDictionary<string, double> Of(string text)
    {
        var prose = CodeBlock().Replace(text, "");
        return new Dictionary<string, double>
        {
            ["length"] = text.EnumerateRunes().Count(),
            ["header_count"] = Header().Count(prose),
            ["list_count"] = OrderedItem().Count(prose) + UnorderedItem().Count(prose),
            ["bold_count"] = StarBold().Count(prose) + UnderscoreBold().Count(prose),
        };
    }

    [GeneratedRegex(@"```[^`]*```")]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"^#{1,6}\s", RegexOptions.Multiline)]
    private static partial Regex Header();

    [GeneratedRegex(@"^\s*\d+\.\s", RegexOptions.Multiline)]
    private static partial Regex OrderedItem();

    [GeneratedRegex(@"^\s*[-*+]\s", RegexOptions.Multiline)]
    private static partial Regex UnorderedItem();

    [GeneratedRegex(@"\*\*[^*\n]+\*\*")]
    private static partial Regex StarBold();

    [GeneratedRegex(@"__[^_\n]+__")]
    private static partial Regex UnderscoreBold();
}
