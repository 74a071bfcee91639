using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>
/// A checkpoint laid out as transformers' <c>LlamaForSequenceClassification.save_pretrained</c> writes it (built here
/// by hand: config.json text plus safetensors with <c>model.*</c> and <c>score.weight</c>) loads, and its rewards
/// equal the hidden state at the last real token times <c>score.weight</c>, computed independently.
/// </summary>
public sealed class HuggingFaceRewardCheckpointTests : IDisposable
{
    private const string SeqClsConfig = """
        {
          "architectures": ["LlamaForSequenceClassification"],
          "model_type": "llama",
          "vocab_size": 64, "hidden_size": 32, "intermediate_size": 64, "num_hidden_layers": 2,
          "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 128,
          "rms_norm_eps": 1e-6, "rope_theta": 10000.0, "hidden_act": "silu", "tie_word_embeddings": false,
          "id2label": { "0": "LABEL_0" }, "label2id": { "LABEL_0": 0 },
          "pad_token_id": 0, "bos_token_id": 1, "eos_token_id": 2, "torch_dtype": "float32"
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-hfrm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Hand_built_llama_sequence_classification_checkpoint_loads_and_scores_as_transformers_does()
    {
        using var causal = TinyConfigs.Create("llama", seed: 3);
        manual_seed(5);
        using var score = randn(1, 32);
        var tensors = causal.Module.named_parameters().Where(p => p.name != "lm_head.weight")
            .Select(p => (p.name, (Tensor)p.parameter)).Append(("score.weight", score)).ToList();
        SafeTensorsWriter.Write(Path.Combine(_directory, "model.safetensors"), tensors, new Dictionary<string, string> { ["format"] = "pt" });
        File.WriteAllText(Path.Combine(_directory, "config.json"), SeqClsConfig);

        using var model = RewardCheckpoint.Load(_directory);
        Assert.Equal(1, model.Config.NumLabels);
        Assert.Equal(RewardHeadKind.Linear, model.Config.Head);
        Assert.Equal(0L, model.Config.Backbone.PadTokenId);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // Row 0 full, row 1 right-padded (last real token at 3), row 2 left-padded (last real token at 5).
        var ids = tensor(new long[,] { { 5, 9, 7, 11, 3, 8 }, { 4, 7, 7, 6, 0, 0 }, { 0, 0, 12, 13, 7, 9 } });
        var mask = tensor(new long[,] { { 1, 1, 1, 1, 1, 1 }, { 1, 1, 1, 1, 0, 0 }, { 0, 0, 1, 1, 1, 1 } });
        var hidden = causal.forward_hidden(ids, mask);                                        // (3, 6, 32)
        var last = stack([hidden[0, 5], hidden[1, 3], hidden[2, 5]]);                         // (3, 32)
        var expected = last.matmul(score.t()).squeeze(1);                                     // (3)
        TensorAssert.Close(expected, model.Rewards(ids, mask), 1e-5, "rewards");
    }

    [Fact]
    public void Padding_on_either_side_gives_the_reward_of_the_unpadded_sequence()
    {
        using var model = TinyRewardModels.Create("llama");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var alone = model.Rewards(tensor(new long[,] { { 4, 7, 9 } }), ones(1, 3, dtype: ScalarType.Int64));
        var right = model.Rewards(tensor(new long[,] { { 4, 7, 9, 0, 0 } }), tensor(new long[,] { { 1, 1, 1, 0, 0 } }));
        var left = model.Rewards(tensor(new long[,] { { 0, 0, 4, 7, 9 } }), tensor(new long[,] { { 0, 0, 1, 1, 1 } }));
        TensorAssert.Close(alone, right, 1e-5, "right padding");
        TensorAssert.Close(alone, left, 1e-5, "left padding");
    }

    [Fact]
    public void A_row_without_real_tokens_is_rejected()
    {
        using var mask = tensor(new long[,] { { 1, 1 }, { 0, 0 } });
        Assert.Throws<ArgumentException>(() => LastTokenPooling.LastRealIndex(mask));
    }

    [Fact]
    public void From_causal_lm_takes_the_backbone_and_drops_lm_head()
    {
        using var causal = TinyConfigs.Create("llama", seed: 9);
        Checkpoint.Save(causal, _directory);
        using var model = RewardCheckpoint.FromCausalLM(_directory);
        var body = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in causal.Module.named_parameters().Where(p => p.name != "lm_head.weight"))
            TensorAssert.BitIdentical(parameter, body[name], name);
        Assert.True(body.ContainsKey("score.weight"));
        Assert.False(body.ContainsKey("lm_head.weight"));
    }

    [Fact]
    public void A_checkpoint_with_a_mis_shaped_head_names_the_tensor()
    {
        using var model = TinyRewardModels.Create("llama");
        RewardCheckpoint.Save(model, _directory);
        var config = RewardModelConfigJson.Load(Path.Combine(_directory, "config.json")) with { NumLabels = 2 };
        RewardModelConfigJson.Save(config, Path.Combine(_directory, "config.json"));
        var error = Assert.Throws<InvalidDataException>(() => RewardCheckpoint.Load(_directory));
        Assert.Contains("score.weight", error.Message);
    }
}
