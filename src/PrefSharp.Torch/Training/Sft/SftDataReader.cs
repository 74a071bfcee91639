using System.Text.Json;
using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Training.Sft;

/// <summary>
/// Reads SFT examples. Plain JSONL whose first record has no preference fields is read here, one object per line:
/// <c>{"text"}</c> (all of it is the response), <c>{"prompt", "completion"}</c> (text or messages) and
/// <c>{"messages"}</c> (the last assistant message is the response). Anything else goes through
/// <see cref="PreferenceFileReader"/>: a <see cref="PreferencePair"/> trains on its chosen response, a desirable
/// <see cref="UnpairedJudgement"/> on its completion; undesirable judgements are skipped and counted.
/// </summary>
public static class SftDataReader
{
    /// <summary>The examples of <paramref name="path"/> and the number of records skipped (undesirable judgements).</summary>
    public static (List<SftExample> Examples, int Skipped) Read(string path, ReadOptions? options = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        if (options?.Format is null && IsPlainSftJsonl(path)) return (ReadPlain(path), 0);
        var examples = new List<SftExample>();
        var skipped = 0;
        foreach (var record in new PreferenceFileReader(path, options))
        {
            switch (record)
            {
                case PreferencePair pair: examples.Add(new SftExample(pair.Prompt, pair.Chosen)); break;
                case UnpairedJudgement { IsDesirable: true } good: examples.Add(new SftExample(good.Prompt, good.Completion)); break;
                case UnpairedJudgement: skipped++; break;
                default:
                    throw new InvalidDataException($"{path}:{record.Location}: a {record.GetType().Name} has no response to train on; "
                        + "expected text, prompt/completion, messages, preference pairs or desirable completions");
            }
        }
        return (examples, skipped);
    }

    private static bool IsPlainSftJsonl(string path)
    {
        using var reader = new StreamReader(path);
        string? line;
        while ((line = reader.ReadLine()) is not null && line.Trim().Length == 0) { }
        if (line is null || !line.TrimStart().StartsWith('{')) return false;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            bool Has(string name) => root.TryGetProperty(name, out _);
            return !Has("chosen") && !Has("rejected") && !Has("label") && (Has("text") || Has("completion") || Has("messages"));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<SftExample> ReadPlain(string path)
    {
        var examples = new List<SftExample>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                examples.Add(Example(document.RootElement));
            }
            catch (Exception error) when (error is JsonException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{number}: {error.Message}", error);
            }
        }
        if (examples.Count == 0) throw new InvalidDataException($"{path}: no examples");
        return examples;
    }

    private static SftExample Example(JsonElement record)
    {
        if (record.TryGetProperty("text", out var text)) return new SftExample(Passage.Empty, NonEmpty(Passage.FromText(text.GetString()!), "text"));
        if (record.TryGetProperty("completion", out var completion))
            return new SftExample(record.TryGetProperty("prompt", out var prompt) ? PassageOf(prompt) : Passage.Empty, NonEmpty(PassageOf(completion), "completion"));
        if (!record.TryGetProperty("messages", out var messages)) throw new FormatException("expected a field text, completion or messages");
        var turns = Messages(messages);
        if (turns.Count < 1 || turns[^1].Role != "assistant")
            throw new FormatException("messages: expected a conversation ending with an assistant message (the response)");
        return new SftExample(Passage.FromMessages(turns.Take(turns.Count - 1).ToList()), NonEmpty(Passage.FromMessages([turns[^1]]), "messages"));
    }

    private static Passage PassageOf(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? Passage.FromText(value.GetString()!)
        : Passage.FromMessages(Messages(value));

    private static List<Message> Messages(JsonElement list)
    {
        if (list.ValueKind != JsonValueKind.Array) throw new FormatException("expected a list of {role, content} messages");
        return list.EnumerateArray().Select(m => new Message(
            m.GetProperty("role").GetString() ?? throw new FormatException("message role is null"),
            m.GetProperty("content").GetString() ?? throw new FormatException("message content is null"))).ToList();
    }

    private static Passage NonEmpty(Passage passage, string field) =>
        passage.IsEmpty ? throw new FormatException($"{field}: the response is empty") : passage;
}
