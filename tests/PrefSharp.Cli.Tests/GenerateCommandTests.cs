using System.Text.Json;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>End to end on a tiny random GPT-2 (d = 32, 2 layers) with the byte-level ChatML tokenizer (259 ids).</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private const string Config = """
        {"model_type": "gpt2", "vocab_size": 259, "n_embd": 32, "n_layer": 2, "n_head": 4, "n_positions": 128,
         "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new", "initializer_range": 0.2, "eos_token_id": 256}
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-gen-").FullName;
    private readonly ICausalLM model;

    public GenerateCommandTests()
    {
        manual_seed(3);
        model = CausalLM.Create(ModelConfigJson.Parse(Config));
        Checkpoint.Save(model, directory);
        TokenizerFiles.SaveByteLevel(ByteLevelTokenizer.WithChatMl(), directory);
    }

    public void Dispose() => model.Dispose();

    private static JsonElement Line(CliRun run, int index) => JsonDocument.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[index]).RootElement;

    [Fact]
    public void Greedy_output_equals_a_direct_BatchGenerator_call()
    {
        var run = CliRun.Of("generate", "--model", directory, "--prompt", "hello", "--temperature", "0", "--max-new-tokens", "12", "--output", "jsonl");
        Assert.Equal(0, run.ExitCode);

        var tokenizer = ByteLevelTokenizer.WithChatMl();
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad([[.. tokenizer.Encode("hello").Select(i => (long)i)]], padTokenId: 256);
        var direct = BatchGenerator.Generate(model, ids, mask,
            new GenerationOptions { Temperature = 0, MaxNewTokens = 12, PadTokenId = 256, StopTokenIds = [256] });
        var generated = direct.GeneratedTokens.data<long>().ToArray().Zip(direct.GeneratedMask.data<long>().ToArray())
            .Where(p => p.Second == 1).Select(p => (int)p.First).ToList();
        Assert.Equal(tokenizer.Decode(generated), Line(run, 0).GetProperty("completion").GetString());
        Assert.Equal(generated.Count, Line(run, 0).GetProperty("tokens").GetInt32());
    }

    [Fact]
    public void The_same_seed_gives_the_same_text_and_each_prompt_gets_a_line()
    {
        string[] args = ["generate", "--model", directory, "--prompt", "a", "--prompt", "bc", "--seed", "5", "--max-new-tokens", "8", "--top-k", "50", "--output", "jsonl"];
        var first = CliRun.Of(args);
        var second = CliRun.Of(args);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal("bc", Line(first, 1).GetProperty("prompt").GetString());
    }

    [Fact]
    public void Chat_mode_and_a_prompts_file_print_text()
    {
        var prompts = Path.Combine(directory, "prompts.txt");
        File.WriteAllText(prompts, "first\n\nsecond\n");
        var run = CliRun.Of("generate", "--model", directory, "--prompts", prompts, "--chat", "--max-new-tokens", "4");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("### first", run.Output);
        Assert.Contains("### second", run.Output);
    }

    [Fact]
    public void Missing_prompts_and_a_too_large_tokenizer_exit_2()
    {
        var none = CliRun.Of("generate", "--model", directory);
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--prompt", none.Error);

        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer([.. SpecialTokens.ChatMl, .. SpecialTokens.Llama3]), directory);  // 263 ids > 259
        var large = CliRun.Of("generate", "--model", directory, "--prompt", "x");
        Assert.Equal(2, large.ExitCode);
        Assert.Contains("vocab_size", large.Error);
    }
}
