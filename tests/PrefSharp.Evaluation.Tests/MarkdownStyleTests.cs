using PrefSharp.Evaluation.Runs;

namespace PrefSharp.Evaluation.Tests;

/// <summary>Markdown counts as FastChat's count_markdown_elements gives them, counted by hand.</summary>
public class MarkdownStyleTests
{
    [Fact]
    public void Headers_lists_and_bold_outside_code_blocks_are_counted()
    {
        // Headers: "# Title", "### Part" (not "#hashtag", no space; not "####### x", seven). Lists: "1. one", "2. two",
        // "- dash", "* star", "+ plus" = 5. Bold: "**strong**", "__under__" = 2; the fenced block's "# x", "- y" and
        // "**z**" do not count. Length: code points, "é" and "😀" one each.
        var text = "# Title\n#hashtag\n####### x\n### Part\n1. one\n2. two\n- dash\n* star\n+ plus\n**strong** and __under__\n" +
            "```\n# x\n- y\n**z**\n```\né😀";
        var style = MarkdownStyle.Of(text);

        Assert.Equal(2, style["header_count"]);
        Assert.Equal(5, style["list_count"]);
        Assert.Equal(2, style["bold_count"]);
        Assert.Equal(text.Length - 1, style["length"]);  // the emoji is two UTF-16 units, one code point
    }
}
