using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// What the online verbs' tests start from: a tiny random GPT-2 (d = 16, one layer, seed 4) with the byte-level
/// tokenizer (257 ids) saved as a checkpoint folder, and a file of sorting-world prompts, in a fresh temporary folder.
/// </summary>
internal static class TinyGymPolicy
{
    /// <summary>The model's config.json.</summary>
    public const string Config = """
        {"model_type": "gpt2", "vocab_size": 257, "n_embd": 16, "n_layer": 1, "n_head": 2, "n_positions": 64,
         "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new", "initializer_range": 0.2, "eos_token_id": 256}
        """;

    /// <summary>Writes ROOT/model and ROOT/prompts.txt (<paramref name="prompts"/> sorting prompts from seed 1).</summary>
    public static (string Root, string Model, string Prompts) Create(string prefix, int prompts)
    {
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        var model = Path.Combine(root, "model");
        manual_seed(4);
        using (var policy = CausalLM.Create(ModelConfigJson.Parse(Config))) Checkpoint.Save(policy, model);
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), model);
        var world = WorldCatalog.Get("sorting");
        var random = new Random(1);
        var file = Path.Combine(root, "prompts.txt");
        File.WriteAllLines(file, Enumerable.Range(0, prompts).Select(_ => world.SamplePrompt(random)));
        return (root, model, file);
    }
}
