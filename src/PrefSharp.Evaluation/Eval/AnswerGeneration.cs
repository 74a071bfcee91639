using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// Asks one model every prompt (one user message each, prompt i with seed <c>Seed + i</c>) and writes its answers as
/// Arena-Hard answer JSONL (<c>{question_id, model_id, choices: [{index, turns: [{content}]}]}</c>, the ids those of
/// <see cref="WriteQuestions"/>), atomically, once all are in. A file that already holds this model's answers to
/// exactly these prompts is kept, so a rerun asks nothing again. Ids rather than texts pair the answers, so a prompt
/// may occur twice.
/// </summary>
public static class AnswerGeneration
{
    /// <summary>Returns whether the model was asked (false: its answers were already there).</summary>
    public static async Task<bool> GenerateAsync(EvalModel model, IReadOnlyList<EvalPrompt> prompts, GenerationSettings settings, string path,
        string questions, CancellationToken cancellation = default)
    {
        if (Complete(path, questions, model.Name, prompts)) return false;
        using var client = new ChatJudgeClient(new JudgeClientOptions
        {
            BaseUrl = model.BaseUrl, Model = model.ModelId, ApiKey = model.ApiKey, Temperature = settings.Temperature,
            MaxTokens = settings.MaxTokens, Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds), AllowEmptyAnswer = true,
        });
        var answers = new string[prompts.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallel, CancellationToken = cancellation };
        await Parallel.ForEachAsync(Enumerable.Range(0, prompts.Count), parallel, async (i, token) =>
            answers[i] = (await client.CompleteAsync([new Message("user", prompts[i].Text)], token, settings.Seed + (long)i).ConfigureAwait(false)).Text)
            .ConfigureAwait(false);
        WriteLines(path, prompts.Select((prompt, i) => (object)new
        {
            question_id = prompt.Id, model_id = model.Name, choices = new[] { new { index = 0, turns = new[] { new { content = answers[i] } } } },
        }));
        return true;
    }

    /// <summary>The prompts as Arena-Hard's <c>question.jsonl</c> (<c>{question_id, turns: [{content}]}</c>), which the answers refer to.</summary>
    public static void WriteQuestions(string path, IReadOnlyList<EvalPrompt> prompts) =>
        WriteLines(path, prompts.Select(prompt => (object)new { question_id = prompt.Id, turns = new[] { new { content = prompt.Text } } }));

    private static void WriteLines(string path, IEnumerable<object> rows) =>
        AtomicFile.WriteAllText(path, string.Concat(rows.Select(row => JsonSerializer.Serialize(row) + "\n")));

    private static bool Complete(string path, string questions, string generator, IReadOnlyList<EvalPrompt> prompts)
    {
        if (!File.Exists(path)) return false;
        var outputs = ModelOutputsReader.Read([path], questions);
        return outputs.Count == prompts.Count && outputs.All(o => o.Generator == generator)
            && outputs.Select(o => o.QuestionId).ToHashSet(StringComparer.Ordinal).SetEquals(prompts.Select(p => p.Id));
    }
}
