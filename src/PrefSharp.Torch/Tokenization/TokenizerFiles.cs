using System.Text.Json;
using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The tokenizer of a model directory: <c>tokenizer.json</c> (+ <c>tokenizer_config.json</c>), or PrefSharp's
/// byte-level marker <c>prefsharp_tokenizer.json</c> (<c>{"type": "byte_level", "special_tokens": [...]}</c>).
/// </summary>
public static class TokenizerFiles
{
    /// <summary>The byte-level marker file name.</summary>
    public const string ByteLevelMarkerFileName = "prefsharp_tokenizer.json";

    /// <summary>Loads the tokenizer in <paramref name="directory"/>; the marker wins when both files are there.</summary>
    public static ITokenizer Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"tokenizer directory {directory} does not exist");
        var marker = Path.Combine(directory, ByteLevelMarkerFileName);
        if (File.Exists(marker)) return LoadByteLevel(marker);
        var json = Path.Combine(directory, TokenizerJsonReader.FileName);
        if (File.Exists(json)) return TokenizerJsonReader.Load(json);
        throw new FileNotFoundException(
            $"{directory} has no tokenizer: expected {TokenizerJsonReader.FileName} (Hugging Face) or {ByteLevelMarkerFileName} (PrefSharp byte-level)");
    }

    /// <summary>Every file a tokenizer directory may hold (the marker, Hugging Face's tokenizer files).</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [ByteLevelMarkerFileName, TokenizerJsonReader.FileName, TokenizerConfig.FileName, "special_tokens_map.json"];

    /// <summary>
    /// Copies the tokenizer files of <paramref name="source"/> that exist into <paramref name="target"/> (a checkpoint
    /// folder), so the checkpoint loads on its own; nothing to do when both are the same folder.
    /// </summary>
    public static void CopyFiles(string source, string target)
    {
        Directory.CreateDirectory(target);
        if (Path.GetFullPath(source) == Path.GetFullPath(target)) return;
        foreach (var name in FileNames)
            if (File.Exists(Path.Combine(source, name)))
                AtomicFile.Write(Path.Combine(target, name), stream => { using var input = File.OpenRead(Path.Combine(source, name)); input.CopyTo(stream); });
    }

    /// <summary>Writes the marker of <paramref name="tokenizer"/> into <paramref name="directory"/> (atomically).</summary>
    public static void SaveByteLevel(ByteLevelTokenizer tokenizer, string directory)
    {
        Directory.CreateDirectory(directory);
        var text = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = "byte_level",
            ["special_tokens"] = tokenizer.Special,
        }, new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.WriteAllText(Path.Combine(directory, ByteLevelMarkerFileName), text);
    }

    private static ByteLevelTokenizer LoadByteLevel(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type != "byte_level") throw new InvalidDataException($"{path}: \"type\" must be \"byte_level\", found \"{type}\"");
            var specials = root.TryGetProperty("special_tokens", out var s) ? s.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
            if (specials.Count > 0 && specials[0] != SpecialTokens.EndOfText)
                throw new InvalidDataException($"{path}: special_tokens must start with {SpecialTokens.EndOfText} (id 256)");
            return new ByteLevelTokenizer(specials.Skip(1));
        }
        catch (JsonException problem)
        {
            throw new InvalidDataException($"{path}: not valid JSON ({problem.Message})", problem);
        }
    }
}
