using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Eval;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Evaluation.Tests;

/// <summary>A model's answers: one seeded request per prompt, empty answers kept, a complete file reused on rerun.</summary>
public class AnswerGenerationTests
{
    [Fact]
    public async Task Answers_are_written_by_question_id_with_seeds_and_a_rerun_asks_nothing()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackChatServer((request, _) => (200, request.User == "quiet" ? "" : request.User.ToUpperInvariant()));
        var model = new EvalModel("m", server.BaseUrl, "served-m");
        EvalPrompt[] prompts = [new("q0", "abc"), new("q1", "quiet"), new("q2", "abc")];
        var (questions, path) = (folder.Path("questions.jsonl"), folder.Path("m.jsonl"));
        Directory.CreateDirectory(folder.Root);
        AnswerGeneration.WriteQuestions(questions, prompts);
        var settings = new GenerationSettings { Seed = 10, Parallel = 2 };

        Assert.True(await AnswerGeneration.GenerateAsync(model, prompts, settings, path, questions));
        Assert.Equal(
            [new ModelOutput("q0", "abc", "m", "ABC"), new ModelOutput("q1", "quiet", "m", ""), new ModelOutput("q2", "abc", "m", "ABC")],
            ModelOutputsReader.Read([path], questions));
        Assert.Equal([10L, 11, 12], server.Requests.Select(r => r.Body["seed"]!.GetValue<long>()).Order());
        Assert.All(server.Requests, r => Assert.Equal("served-m", r.Body["model"]!.GetValue<string>()));

        Assert.False(await AnswerGeneration.GenerateAsync(model, prompts, settings, path, questions));
        Assert.Equal(3, server.Requests.Count);
        Assert.True(await AnswerGeneration.GenerateAsync(model, [.. prompts, new("q3", "more")], settings, path, questions), "a new prompt asks again");
    }
}
