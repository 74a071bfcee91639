using System.Text.Json;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The fields PrefSharp reads from <c>tokenizer_config.json</c>: the EOS/BOS/PAD token strings (a string or an
/// <c>{"content": …}</c> object), <c>add_bos_token</c> and the <c>chat_template</c> text. Missing file: all null.
/// </summary>
public sealed record TokenizerConfig
{
    /// <summary>The file name beside <c>tokenizer.json</c>.</summary>
    public const string FileName = "tokenizer_config.json";

    public string? EosToken { get; init; }

    public string? BosToken { get; init; }

    public string? PadToken { get; init; }

    public bool AddBosToken { get; init; }

    public string? ChatTemplate { get; init; }

    /// <summary>Reads <paramref name="path"/>, or returns an empty config when it does not exist.</summary>
    public static TokenizerConfig Load(string path) => File.Exists(path) ? Parse(File.ReadAllText(path), path) : new TokenizerConfig();

    /// <summary>Parses the text of a <c>tokenizer_config.json</c>; <paramref name="source"/> names it in errors.</summary>
    public static TokenizerConfig Parse(string json, string source = FileName)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return new TokenizerConfig
            {
                EosToken = TokenString(root, "eos_token"),
                BosToken = TokenString(root, "bos_token"),
                PadToken = TokenString(root, "pad_token"),
                AddBosToken = root.TryGetProperty("add_bos_token", out var add) && add.ValueKind == JsonValueKind.True,
                ChatTemplate = ChatTemplateText(root),
            };
        }
        catch (JsonException problem)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({problem.Message})", problem);
        }
    }

    private static string? TokenString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object when value.TryGetProperty("content", out var content) => content.GetString(),
            _ => null,
        };
    }

    /// <summary>A string, or the "default" entry of a list of named templates.</summary>
    private static string? ChatTemplateText(JsonElement root)
    {
        if (!root.TryGetProperty("chat_template", out var value)) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        if (value.ValueKind != JsonValueKind.Array) return null;
        foreach (var entry in value.EnumerateArray())
            if (entry.TryGetProperty("name", out var name) && name.GetString() == "default" && entry.TryGetProperty("template", out var text))
                return text.GetString();
        return null;
    }
}
