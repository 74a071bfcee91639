using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// Writes a demo policy folder the way every stage hands one on (<c>PrefSharp.Recipes.Demo.DemoContext.RegisterPolicy</c>):
/// config.json and model.safetensors of the model, plus the tokenizer files of the policy it was trained from (the SFT
/// folder), so that <see cref="Generation.PolicySampler.Load"/> reads it and its log-probs compare with the SFT policy's.
/// </summary>
public static class PolicyFolder
{
    /// <summary>Saves <paramref name="model"/> into <paramref name="folder"/> with the tokenizer files of <paramref name="tokenizerSource"/>; returns the folder.</summary>
    public static string Save(ICausalLM model, string tokenizerSource, string folder)
    {
        if (!TokenizerFiles.FileNames.Any(name => File.Exists(Path.Combine(tokenizerSource, name))))
            throw new ArgumentException($"tokenizerSource: {tokenizerSource} holds no tokenizer file ({string.Join(", ", TokenizerFiles.FileNames)})", nameof(tokenizerSource));
        Checkpoint.Save(model, folder);
        TokenizerFiles.CopyFiles(tokenizerSource, folder);
        return Path.GetFullPath(folder);
    }
}
