using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Evaluation.Tests;

/// <summary>AlpacaEval model_outputs.json and Arena-Hard answer JSONL, told apart by their content; one-line errors.</summary>
public class ModelOutputsReaderTests
{
    [Fact]
    public void AlpacaEval_outputs_pair_by_instruction()
    {
        using var folder = new TempFolder();
        var path = folder.Write("outputs.json", """
            [{"instruction": "Name a colour.", "output": "Blue.", "generator": "m1", "dataset": "helpful_base"},
             {"instruction": "Count to 3.", "output": "1 2 3", "generator": "m1"}]
            """);
        var outputs = ModelOutputsReader.Read([path], null);

        Assert.Equal(new ModelOutput("Name a colour.", "Name a colour.", "m1", "Blue."), outputs[0]);
        Assert.Equal("1 2 3", outputs[1].Output);
    }

    [Fact]
    public void Arena_hard_answers_take_their_instructions_from_the_questions_file()
    {
        using var folder = new TempFolder();
        var questions = folder.Write("question.jsonl",
            "{\"question_id\": \"328c\", \"category\": \"arena-hard-v0.1\", \"cluster\": \"x\", \"turns\": [{\"content\": \"Write a poem.\"}]}\n");
        var answers = folder.Write("m2.jsonl",
            "{\"question_id\": \"328c\", \"answer_id\": \"a1\", \"model_id\": \"m2\", \"choices\": [{\"index\": 0, \"turns\": [{\"content\": \"Roses…\", \"token_len\": 3}]}], \"tstamp\": 1.0}\n");
        var output = Assert.Single(ModelOutputsReader.Read([answers], questions));

        Assert.Equal(new ModelOutput("328c", "Write a poem.", "m2", "Roses…"), output);
    }

    [Fact]
    public void Errors_name_the_file_line_and_field()
    {
        using var folder = new TempFolder();
        var questions = folder.Write("question.jsonl", "{\"question_id\": \"q1\", \"turns\": [{\"content\": \"Hi\"}]}\n");
        var answers = folder.Write("m.jsonl", "{\"question_id\": \"q1\", \"model_id\": \"m\", \"choices\": [{\"turns\": [{\"content\": \"Hello\"}]}]}\n{\"question_id\": \"q1\", \"model_id\": \"m\", \"choices\": []}\n");
        var array = folder.Write("outputs.json", "[{\"instruction\": \"x\", \"generator\": \"m\"}]");

        Assert.Equal($"{answers}:2: choices: missing or empty; expected [{{turns: [{{content}}]}}]",
            Assert.Throws<FormatException>(() => ModelOutputsReader.Read([answers], questions)).Message);
        Assert.Equal($"{array}: element 0: output: missing or not a string; expected text",
            Assert.Throws<FormatException>(() => ModelOutputsReader.Read([array], null)).Message);
        Assert.Contains("--questions", Assert.Throws<ArgumentException>(() => ModelOutputsReader.Read([answers], null)).Message);
    }
}
