using System.Text.Json;
using static PrefSharp.Evaluation.Inputs.JsonFields;

namespace PrefSharp.Evaluation.Inputs;

/// <summary>
/// Reads the instructions of an evaluation, the format detected from the content: a JSON array is AlpacaEval's eval
/// set (<c>[{instruction, …}]</c>, the id is the instruction); JSON lines are Arena-Hard's <c>question.jsonl</c>
/// (<c>{question_id, turns: [{content}]}</c> or v2's <c>{uid, prompt}</c>) or TRL's prompt-only rows
/// (<c>{prompt}</c>, the id is the prompt).
/// </summary>
public static class PromptsReader
{
    public static IReadOnlyList<EvalPrompt> Read(string path)
    {
        var text = File.ReadAllText(path);
        var prompts = text.TrimStart().StartsWith('[')
            ? Array(path, text).Select((item, index) => Instruction(item, $"{path}: element {index}")).ToList()
            : Lines(path, text, "one question per line").Select(line => Question(line.Item, $"{path}:{line.Line}")).ToList();
        if (prompts.Count == 0) throw new FormatException($"{path}: no prompts; expected a JSON array or JSON lines of questions");
        return prompts;
    }

    private static EvalPrompt Instruction(JsonElement item, string where)
    {
        var instruction = Text(item, item.TryGetProperty("instruction", out _) ? "instruction" : "prompt", where);
        return new EvalPrompt(instruction, instruction);
    }

    private static EvalPrompt Question(JsonElement item, string where)
    {
        if (item.TryGetProperty("uid", out _)) return new EvalPrompt(Id(item, "uid", where), Text(item, "prompt", where));
        if (item.TryGetProperty("question_id", out _)) return new EvalPrompt(Id(item, "question_id", where), FirstTurn(item, where));
        return Instruction(item, where);
    }
}
