using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tests.Models;

namespace PrefSharp.Torch.Tests.Checkpoints;

/// <summary>config.json fields of each family, Hugging Face defaults, round trips, and errors that name the field.</summary>
public sealed class ModelConfigJsonTests
{
    [Fact]
    public void Gpt2_fields_and_defaults_are_read()
    {
        var c = ModelConfigJson.Parse(TinyConfigs.Gpt2);
        Assert.Equal((ModelFamily.Gpt2, 64, 32, 2, 4, 4, 8, 128, 64), (c.Family, c.VocabSize, c.HiddenSize, c.NumLayers, c.NumHeads, c.NumKeyValueHeads, c.ResolvedHeadDim, c.IntermediateSize, c.MaxPositions));
        Assert.Equal(1e-5, c.NormEpsilon);
        Assert.Equal("gelu_new", c.Activation);
        Assert.True(c.TieWordEmbeddings);        // GPT2Config default
        Assert.Equal([2L], c.EosTokenIds);
    }

    [Fact]
    public void Llama_and_qwen2_fields_are_read()
    {
        var llama = ModelConfigJson.Parse(TinyConfigs.Llama);
        Assert.Equal((ModelFamily.Llama, 4, 2, 2, 64, false, false), (llama.Family, llama.NumHeads, llama.NumKeyValueHeads, llama.KeyValueGroups, llama.IntermediateSize, llama.TieWordEmbeddings, llama.HasQkvBias));
        Assert.Equal(10000.0, llama.RopeTheta);
        Assert.Equal(1e-6, llama.NormEpsilon);
        var qwen = ModelConfigJson.Parse(TinyConfigs.Qwen2);
        Assert.Equal((ModelFamily.Qwen2, 1, 4, true, true), (qwen.Family, qwen.NumKeyValueHeads, qwen.KeyValueGroups, qwen.TieWordEmbeddings, qwen.HasQkvBias));
        Assert.Equal(1e6, qwen.RopeTheta);
        Assert.Equal([2L, 3L], qwen.EosTokenIds);
    }

    [Fact]
    public void Minimal_llama_config_takes_the_transformers_defaults()
    {
        var c = ModelConfigJson.Parse("""{"model_type": "llama"}""");
        Assert.Equal((32000, 4096, 11008, 32, 32, 32, 2048), (c.VocabSize, c.HiddenSize, c.IntermediateSize, c.NumLayers, c.NumHeads, c.NumKeyValueHeads, c.MaxPositions));
        Assert.False(c.TieWordEmbeddings);
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Serialize_then_parse_gives_the_same_config(string family)
    {
        var config = ModelConfigJson.Parse(TinyConfigs.Json(family));
        var text = ModelConfigJson.Serialize(config);
        Assert.Equal(text, ModelConfigJson.Serialize(ModelConfigJson.Parse(text)));
        Assert.Contains(family == "gpt2" ? "\"n_embd\": 32" : "\"hidden_size\": 32", text);
    }

    [Theory]
    [InlineData("""{"model_type": "mamba"}""", "model_type", "unsupported model_type 'mamba'")]
    [InlineData("""{"model_type": "llama", "hidden_size": 30, "num_attention_heads": 4}""", "hidden_size", "(30) must be divisible by num_attention_heads (4)")]
    [InlineData("""{"model_type": "qwen2", "num_attention_heads": 6, "num_key_value_heads": 4, "hidden_size": 48}""", "num_key_value_heads", "(6) must be divisible by num_key_value_heads (4)")]
    [InlineData("""{"model_type": "gpt2", "n_embd": "wide"}""", "n_embd", "must be an integer")]
    [InlineData("""{"model_type": "gpt2", "n_embd": 30, "n_head": 4}""", "n_embd", "must be divisible by n_head")]
    [InlineData("""{"model_type": "gpt2", "activation_function": "relu"}""", "activation_function", "unsupported activation 'relu'")]
    [InlineData("""{"model_type": "llama", "rope_scaling": {"rope_type": "llama3"}}""", "rope_scaling", "not supported")]
    [InlineData("""{"hidden_size": 32}""", "model_type", "'model_type' is missing")]
    public void Invalid_configs_name_the_field(string json, string field, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => ModelConfigJson.Parse(json));
        Assert.Equal(field, error.ParamName);
        Assert.Contains(message, error.Message);
    }
}
