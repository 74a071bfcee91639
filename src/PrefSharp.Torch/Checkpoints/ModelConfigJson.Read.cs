using PrefSharp.Torch.Models;

namespace PrefSharp.Torch.Checkpoints;

public static partial class ModelConfigJson
{
    private static ModelConfig ReadGpt2(JsonFields f)
    {
        if (f.Bool("scale_attn_by_inverse_layer_idx", false))
            throw new ArgumentException("scale_attn_by_inverse_layer_idx = true is not supported", "scale_attn_by_inverse_layer_idx");
        if (f.Bool("reorder_and_upcast_attn", false))
            throw new ArgumentException("reorder_and_upcast_attn = true is not supported", "reorder_and_upcast_attn");
        if (!f.Bool("scale_attn_weights", true))
            throw new ArgumentException("scale_attn_weights = false is not supported", "scale_attn_weights");
        var hidden = f.Int("n_embd", 768);
        var heads = f.Int("n_head", 12);
        return new ModelConfig
        {
            Family = ModelFamily.Gpt2,
            VocabSize = f.Int("vocab_size", 50257),
            HiddenSize = hidden,
            NumLayers = f.Int("n_layer", 12),
            NumHeads = heads,
            NumKeyValueHeads = heads,
            IntermediateSize = f.Int("n_inner", 4 * hidden),
            MaxPositions = f.Int("n_positions", 1024),
            NormEpsilon = f.Double("layer_norm_epsilon", 1e-5),
            Activation = f.String("activation_function") ?? "gelu_new",
            TieWordEmbeddings = f.Bool("tie_word_embeddings", true),
            AttentionBias = true,
            InitializerRange = f.Double("initializer_range", 0.02),
            BosTokenId = f.Has("bos_token_id") ? f.NullableLong("bos_token_id") : 50256,
            EosTokenIds = f.LongList("eos_token_id", [50256]),
            PadTokenId = f.NullableLong("pad_token_id"),
        };
    }

    private static ModelConfig ReadLlama(JsonFields f, ModelFamily family)
    {
        var qwen = family == ModelFamily.Qwen2;
        if (f.Has("rope_scaling"))
            throw new ArgumentException("rope_scaling is not supported (only the default rotary embedding)", "rope_scaling");
        if (f.Bool("use_sliding_window", false))
            throw new ArgumentException("use_sliding_window = true is not supported", "use_sliding_window");
        if (f.Bool("mlp_bias", false))
            throw new ArgumentException("mlp_bias = true is not supported", "mlp_bias");
        var heads = f.Int("num_attention_heads", 32);
        return new ModelConfig
        {
            Family = family,
            VocabSize = f.Int("vocab_size", qwen ? 151936 : 32000),
            HiddenSize = f.Int("hidden_size", 4096),
            NumLayers = f.Int("num_hidden_layers", 32),
            NumHeads = heads,
            NumKeyValueHeads = f.Int("num_key_value_heads", heads),
            HeadDim = f.Int("head_dim", 0),
            IntermediateSize = f.Int("intermediate_size", qwen ? 22016 : 11008),
            MaxPositions = f.Int("max_position_embeddings", qwen ? 32768 : 2048),
            NormEpsilon = f.Double("rms_norm_eps", 1e-6),
            RopeTheta = ReadRopeTheta(f),
            Activation = f.String("hidden_act") ?? "silu",
            TieWordEmbeddings = f.Bool("tie_word_embeddings", false),
            AttentionBias = !qwen && f.Bool("attention_bias", false),
            InitializerRange = f.Double("initializer_range", 0.02),
            BosTokenId = f.Has("bos_token_id") ? f.NullableLong("bos_token_id") : qwen ? null : 1,
            EosTokenIds = f.LongList("eos_token_id", qwen ? [] : [2]),
            PadTokenId = f.NullableLong("pad_token_id"),
        };
    }

    /// <summary><c>rope_theta</c>, or transformers ≥ 5's <c>rope_parameters.rope_theta</c> with the default rope type.</summary>
    private static double ReadRopeTheta(JsonFields f)
    {
        var parameters = f.Object("rope_parameters");
        if (parameters is null) return f.Double("rope_theta", 10000.0);
        var nested = new JsonFields(parameters, "rope_parameters");
        var ropeType = nested.String("rope_type") ?? "default";
        if (ropeType != "default")
            throw new ArgumentException($"rope_parameters.rope_type '{ropeType}' is not supported (only 'default')", "rope_parameters");
        return nested.Double("rope_theta", f.Double("rope_theta", 10000.0));
    }
}
