using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Gym;

/// <summary>
/// Writes a demo policy folder the way every stage hands one on (<see cref="Core.Gym.Demo.DemoContext.RegisterPolicy"/>):
/// config.json and model.safetensors of the model, plus the tokenizer files of the policy it was trained from (the SFT
/// folder), so that <see cref="PolicySampler.Load"/> reads it and its log-probs compare with the SFT policy's.
/// </summary>
public static class PolicyFolder
{
    /// <summary>The tokenizer files a folder may hold (Hugging Face and PrefSharp's byte-level marker).</summary>
    public static IReadOnlyList<string> TokenizerFileNames { get; } =
        [TokenizerJsonReader.FileName, TokenizerConfig.FileName, TokenizerFiles.ByteLevelMarkerFileName];

    /// <summary>Saves <paramref name="model"/> into <paramref name="folder"/> with the tokenizer files of <paramref name="tokenizerSource"/>; returns the folder.</summary>
    public static string Save(ICausalLM model, string tokenizerSource, string folder)
    {
        var files = TokenizerFileNames.Select(name => Path.Combine(tokenizerSource, name)).Where(File.Exists).ToList();
        if (files.Count == 0) throw new ArgumentException($"tokenizerSource: {tokenizerSource} holds no tokenizer file ({string.Join(", ", TokenizerFileNames)})", nameof(tokenizerSource));
        Checkpoint.Save(model, folder);
        foreach (var file in files)
            PrefSharp.Core.Data.AtomicFile.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file));
        return Path.GetFullPath(folder);
    }
}
