using PrefSharp.Torch.Tests.Models;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>Parameter names and shapes are exactly those of the Hugging Face classes for the tiny configs.</summary>
public sealed class HuggingFaceNamingTests
{
    private static Dictionary<string, long[]> Names(string family)
    {
        using var model = TinyConfigs.Create(family);
        Assert.Equal(model.Module.named_parameters().Select(p => p.name).Order(), model.Module.state_dict().Keys.Order());  // no buffers
        return model.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
    }

    private static void AssertSame(Dictionary<string, long[]> expected, Dictionary<string, long[]> actual)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (name, shape) in expected) Assert.True(shape.SequenceEqual(actual[name]), $"{name}: expected [{string.Join(", ", shape)}], found [{string.Join(", ", actual[name])}]");
    }

    [Fact]
    public void Gpt2_uses_transformer_names_and_Conv1D_in_out_layout_with_tied_head_omitted()
    {
        var expected = new Dictionary<string, long[]>
        {
            ["transformer.wte.weight"] = [64, 32],
            ["transformer.wpe.weight"] = [64, 32],
            ["transformer.ln_f.weight"] = [32],
            ["transformer.ln_f.bias"] = [32],
        };
        for (var i = 0; i < 2; i++)
        {
            var p = $"transformer.h.{i}.";
            expected[p + "ln_1.weight"] = [32];
            expected[p + "ln_1.bias"] = [32];
            expected[p + "attn.c_attn.weight"] = [32, 96];   // Conv1D: [in, out], q|k|v fused
            expected[p + "attn.c_attn.bias"] = [96];
            expected[p + "attn.c_proj.weight"] = [32, 32];
            expected[p + "attn.c_proj.bias"] = [32];
            expected[p + "ln_2.weight"] = [32];
            expected[p + "ln_2.bias"] = [32];
            expected[p + "mlp.c_fc.weight"] = [32, 128];     // [in, out]: d → 4d
            expected[p + "mlp.c_fc.bias"] = [128];
            expected[p + "mlp.c_proj.weight"] = [128, 32];   // [in, out]: 4d → d
            expected[p + "mlp.c_proj.bias"] = [32];
        }
        AssertSame(expected, Names("gpt2"));
    }

    [Fact]
    public void Llama_uses_model_names_with_grouped_key_value_shapes_and_an_untied_head()
    {
        var expected = new Dictionary<string, long[]>
        {
            ["model.embed_tokens.weight"] = [64, 32],
            ["model.norm.weight"] = [32],
            ["lm_head.weight"] = [64, 32],
        };
        for (var i = 0; i < 2; i++)
        {
            var p = $"model.layers.{i}.";
            expected[p + "self_attn.q_proj.weight"] = [32, 32];  // nn.Linear: [out, in]; 4 heads × 8
            expected[p + "self_attn.k_proj.weight"] = [16, 32];  // 2 kv heads × 8
            expected[p + "self_attn.v_proj.weight"] = [16, 32];
            expected[p + "self_attn.o_proj.weight"] = [32, 32];
            expected[p + "mlp.gate_proj.weight"] = [64, 32];
            expected[p + "mlp.up_proj.weight"] = [64, 32];
            expected[p + "mlp.down_proj.weight"] = [32, 64];
            expected[p + "input_layernorm.weight"] = [32];
            expected[p + "post_attention_layernorm.weight"] = [32];
        }
        AssertSame(expected, Names("llama"));
    }

    [Fact]
    public void Qwen2_adds_qkv_biases_has_one_kv_head_and_ties_the_head()
    {
        var expected = new Dictionary<string, long[]>
        {
            ["model.embed_tokens.weight"] = [64, 32],
            ["model.norm.weight"] = [32],
        };
        for (var i = 0; i < 2; i++)
        {
            var p = $"model.layers.{i}.";
            expected[p + "self_attn.q_proj.weight"] = [32, 32];
            expected[p + "self_attn.q_proj.bias"] = [32];
            expected[p + "self_attn.k_proj.weight"] = [8, 32];
            expected[p + "self_attn.k_proj.bias"] = [8];
            expected[p + "self_attn.v_proj.weight"] = [8, 32];
            expected[p + "self_attn.v_proj.bias"] = [8];
            expected[p + "self_attn.o_proj.weight"] = [32, 32];  // no bias in Qwen2
            expected[p + "mlp.gate_proj.weight"] = [48, 32];
            expected[p + "mlp.up_proj.weight"] = [48, 32];
            expected[p + "mlp.down_proj.weight"] = [32, 48];
            expected[p + "input_layernorm.weight"] = [32];
            expected[p + "post_attention_layernorm.weight"] = [32];
        }
        AssertSame(expected, Names("qwen2"));
    }
}
