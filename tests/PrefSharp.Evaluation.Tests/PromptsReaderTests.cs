using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Evaluation.Tests;

/// <summary>The prompts of <c>eval</c>: AlpacaEval's array, Arena-Hard v0.1 and v2 questions, TRL prompt-only rows.</summary>
public class PromptsReaderTests
{
    [Fact]
    public void Each_format_gives_ids_and_texts()
    {
        using var folder = new TempFolder();
        var alpaca = folder.Write("eval.json", """[{"instruction": "Name a colour.", "dataset": "x"}, {"instruction": "Count to 3."}]""");
        var arena = folder.Write("question.jsonl", "{\"question_id\": \"328c\", \"turns\": [{\"content\": \"Write a poem.\"}]}\n\n{\"uid\": \"u2\", \"prompt\": \"Sum 2+2.\"}\n");
        var trl = folder.Write("prompts.jsonl", "{\"prompt\": \"Say hi.\"}\n");

        Assert.Equal([new EvalPrompt("Name a colour.", "Name a colour."), new EvalPrompt("Count to 3.", "Count to 3.")], PromptsReader.Read(alpaca));
        Assert.Equal([new EvalPrompt("328c", "Write a poem."), new EvalPrompt("u2", "Sum 2+2.")], PromptsReader.Read(arena));
        Assert.Equal([new EvalPrompt("Say hi.", "Say hi.")], PromptsReader.Read(trl));
    }

    [Fact]
    public void A_row_without_a_prompt_and_an_empty_file_are_one_line_errors()
    {
        using var folder = new TempFolder();
        var bad = folder.Write("bad.jsonl", "{\"prompt\": \"ok\"}\n{\"text\": \"no prompt\"}\n");
        var empty = folder.Write("empty.json", "[]");

        Assert.Equal($"{bad}:2: prompt: missing or not a string; expected text", Assert.Throws<FormatException>(() => PromptsReader.Read(bad)).Message);
        Assert.Contains("no prompts", Assert.Throws<FormatException>(() => PromptsReader.Read(empty)).Message);
    }
}
