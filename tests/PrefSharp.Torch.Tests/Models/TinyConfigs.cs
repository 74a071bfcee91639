using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>Hand-written Hugging Face config.json texts of tiny models (d = 32, 2 layers, vocab 64) used across tests.</summary>
internal static class TinyConfigs
{
    /// <summary>GPT-2: 4 heads of 8, n_inner left null (4·d = 128), tied embeddings by default.</summary>
    public const string Gpt2 = """
        {
          "architectures": ["GPT2LMHeadModel"],
          "model_type": "gpt2",
          "vocab_size": 64,
          "n_embd": 32,
          "n_layer": 2,
          "n_head": 4,
          "n_inner": null,
          "n_positions": 64,
          "layer_norm_epsilon": 1e-5,
          "activation_function": "gelu_new",
          "initializer_range": 0.2,
          "bos_token_id": 1,
          "eos_token_id": 2
        }
        """;

    /// <summary>Llama: 4 query heads of 8 sharing 2 key/value heads, untied output projection.</summary>
    public const string Llama = """
        {
          "architectures": ["LlamaForCausalLM"],
          "model_type": "llama",
          "vocab_size": 64,
          "hidden_size": 32,
          "intermediate_size": 64,
          "num_hidden_layers": 2,
          "num_attention_heads": 4,
          "num_key_value_heads": 2,
          "max_position_embeddings": 128,
          "rms_norm_eps": 1e-6,
          "rope_theta": 10000.0,
          "hidden_act": "silu",
          "initializer_range": 0.2,
          "tie_word_embeddings": false,
          "bos_token_id": 1,
          "eos_token_id": 2
        }
        """;

    /// <summary>Qwen2: 4 query heads of 8 sharing one key/value head, q/k/v biases, tied embeddings.</summary>
    public const string Qwen2 = """
        {
          "architectures": ["Qwen2ForCausalLM"],
          "model_type": "qwen2",
          "vocab_size": 64,
          "hidden_size": 32,
          "intermediate_size": 48,
          "num_hidden_layers": 2,
          "num_attention_heads": 4,
          "num_key_value_heads": 1,
          "max_position_embeddings": 128,
          "rms_norm_eps": 1e-6,
          "rope_theta": 1000000.0,
          "hidden_act": "silu",
          "initializer_range": 0.2,
          "tie_word_embeddings": true,
          "use_sliding_window": false,
          "eos_token_id": [2, 3]
        }
        """;

    public static IEnumerable<object[]> All => [["gpt2"], ["llama"], ["qwen2"]];

    public static string Json(string family) => family switch
    {
        "gpt2" => Gpt2,
        "llama" => Llama,
        "qwen2" => Qwen2,
        _ => throw new ArgumentOutOfRangeException(nameof(family)),
    };

    /// <summary>A freshly initialised model of <paramref name="family"/>, seeded. initializer_range 0.2 gives peaked, non-trivial logits.</summary>
    public static ICausalLM Create(string family, int seed = 7)
    {
        manual_seed(seed);
        return CausalLM.Create(ModelConfigJson.Parse(Json(family)));
    }
}
