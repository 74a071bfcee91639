using System.Text.Json;
using static PrefSharp.Evaluation.Inputs.JsonFields;

namespace PrefSharp.Evaluation.Inputs;

/// <summary>
/// Reads model outputs, the format detected from the content: a JSON array is AlpacaEval's <c>model_outputs.json</c>
/// (<c>[{instruction, output, generator}]</c>, the question id is the instruction text, so outputs of several files
/// pair up); JSON lines are Arena-Hard answers (<c>{question_id, model_id, choices: [{turns: [{content}]}]}</c>, as in
/// lmarena/arena-hard-auto <c>gen_answer.py</c>) whose instructions come from Arena-Hard's <c>question.jsonl</c>
/// (<c>{question_id, turns: [{content}]}</c> or v2's <c>{uid, prompt}</c>). Errors are one line, <c>file:line: field: problem</c>.
/// </summary>
public static class ModelOutputsReader
{
    /// <summary>All outputs in <paramref name="paths"/>; <paramref name="questions"/> is required for Arena-Hard answers.</summary>
    public static IReadOnlyList<ModelOutput> Read(IEnumerable<string> paths, string? questions)
    {
        var output = new List<ModelOutput>();
        Dictionary<string, string>? prompts = null;
        foreach (var path in paths)
        {
            var text = File.ReadAllText(path);
            if (text.TrimStart().StartsWith('[')) output.AddRange(ReadAlpacaEval(path, text));
            else output.AddRange(ReadArenaHard(path, text, prompts ??= ReadQuestions(questions, path)));
        }
        return output;
    }

    private static IEnumerable<ModelOutput> ReadAlpacaEval(string path, string text)
    {
        int index = 0;
        foreach (var item in Array(path, text))
        {
            var where = $"{path}: element {index++}";
            var instruction = Text(item, "instruction", where);
            yield return new ModelOutput(instruction, instruction, Text(item, "generator", where), Text(item, "output", where));
        }
    }

    private static IEnumerable<ModelOutput> ReadArenaHard(string path, string text, Dictionary<string, string> prompts)
    {
        foreach (var (line, item) in Lines(path, text, "one answer per line"))
        {
            var where = $"{path}:{line}";
            var id = Id(item, "question_id", where);
            if (!prompts.TryGetValue(id, out var instruction)) throw new FormatException($"{where}: question_id: \"{id}\" is not in the questions file");
            var choices = item.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() > 0 ? c[0]
                : throw new FormatException($"{where}: choices: missing or empty; expected [{{turns: [{{content}}]}}]");
            yield return new ModelOutput(id, instruction, Text(item, "model_id", where), FirstTurn(choices, $"{where}: choices[0]"));
        }
    }

    private static Dictionary<string, string> ReadQuestions(string? path, string answers)
    {
        if (path is null) throw new ArgumentException($"{answers} holds Arena-Hard answers; give --questions question.jsonl for their instructions", "--questions");
        var prompts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var prompt in PromptsReader.Read(path)) prompts[prompt.Id] = prompt.Text;
        return prompts;
    }
}
