using System.Text.Json.Nodes;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Reward models save and load in Hugging Face's sequence-classification layout.</summary>
public sealed class RewardCheckpointTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-rm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("llama", RewardHeadKind.Linear)]
    [InlineData("qwen2", RewardHeadKind.Linear)]
    [InlineData("gpt2", RewardHeadKind.Linear)]
    [InlineData("llama", RewardHeadKind.Mlp)]
    public void Save_then_load_is_bit_identical_and_scores_the_same(string family, RewardHeadKind head)
    {
        using var original = TinyRewardModels.Create(family, head);
        original.SetNormalization(0.25, 1.5);
        RewardCheckpoint.Save(original, _directory);
        using var reloaded = RewardCheckpoint.Load(_directory);

        Assert.Equal(original.Config, reloaded.Config with { Backbone = original.Config.Backbone });
        // The only backbone change: pad_token_id, absent in the tiny configs, is written as the eos id (2).
        Assert.Equal(ModelConfigJson.Serialize(original.Config.Backbone with { PadTokenId = 2 }),
            ModelConfigJson.Serialize(reloaded.Config.Backbone));
        var loaded = reloaded.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var saved = original.named_parameters().ToList();
        Assert.Equal(saved.Count, loaded.Count);
        foreach (var (name, parameter) in saved) TensorAssert.BitIdentical(parameter, loaded[name], name);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = randint(0, 64, [3, 6]);
        var mask = tensor(new long[,] { { 1, 1, 1, 1, 1, 1 }, { 1, 1, 1, 0, 0, 0 }, { 1, 1, 1, 1, 1, 0 } });
        TensorAssert.BitIdentical(original.Rewards(ids, mask), reloaded.Rewards(ids, mask), "rewards");
        Assert.Equal(0.25, reloaded.Config.RewardMean);
        Assert.Equal(1.5, reloaded.Config.RewardStd);
    }

    [Theory]
    [InlineData("llama", "model.", "LlamaForSequenceClassification")]
    [InlineData("qwen2", "model.", "Qwen2ForSequenceClassification")]
    [InlineData("gpt2", "transformer.", "GPT2ForSequenceClassification")]
    public void Names_shapes_and_config_follow_hugging_face(string family, string bodyPrefix, string architecture)
    {
        using var model = TinyRewardModels.Create(family);
        RewardCheckpoint.Save(model, _directory);
        var weights = SafeTensorsFile.Open(Path.Combine(_directory, Checkpoint.WeightsFileName));
        var names = weights.Entries.Select(e => e.Name).ToList();
        Assert.All(names.Where(n => n != "score.weight"), n => Assert.StartsWith(bodyPrefix, n));
        Assert.DoesNotContain("lm_head.weight", names);
        Assert.Equal([1L, 32L], weights.ByName["score.weight"].Shape);
        Assert.DoesNotContain("score.bias", names);
        // The body's names are exactly those of the causal LM without its output projection.
        using var causal = TinyConfigs.Create(family);
        var causalNames = causal.Module.named_parameters().Select(p => p.name).Where(n => n != "lm_head.weight").Order();
        Assert.Equal(causalNames, names.Where(n => n != "score.weight").Order());

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, "config.json")))!.AsObject();
        Assert.Equal(architecture, json["architectures"]![0]!.GetValue<string>());
        Assert.Equal(1, json["num_labels"]!.GetValue<int>());
        Assert.Equal("LABEL_0", json["id2label"]!["0"]!.GetValue<string>());
        Assert.Equal(2, json["pad_token_id"]!.GetValue<long>());   // eos of the tiny configs, since none is given
        Assert.Equal(0.0, json[RewardModelConfigJson.MeanKey]!.GetValue<double>());
        Assert.Equal(1.0, json[RewardModelConfigJson.StdKey]!.GetValue<double>());
    }

    [Fact]
    public void Mlp_head_uses_sequential_names()
    {
        using var model = TinyRewardModels.Create("llama", RewardHeadKind.Mlp);
        var head = model.named_parameters().Where(p => p.name.StartsWith("score.")).ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([16L, 32L], head["score.0.weight"]);
        Assert.Equal([16L], head["score.0.bias"]);
        Assert.Equal([1L, 16L], head["score.2.weight"]);
        Assert.Equal([1L], head["score.2.bias"]);
        Assert.Equal(4, head.Count);
    }
}
