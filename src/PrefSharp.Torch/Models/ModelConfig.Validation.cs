namespace PrefSharp.Torch.Models;

public sealed partial record ModelConfig
{
    private static readonly string[] GeluActivations = ["gelu_new", "gelu_pytorch_tanh", "gelu"];

    /// <summary>
    /// Checks sizes and divisibility; throws <see cref="ArgumentException"/> whose parameter name is the
    /// Hugging Face JSON field at fault. Returns this config, so that it chains.
    /// </summary>
    public ModelConfig Validate()
    {
        var gpt2 = Family == ModelFamily.Gpt2;
        Positive(VocabSize, "vocab_size");
        Positive(HiddenSize, gpt2 ? "n_embd" : "hidden_size");
        Positive(NumLayers, gpt2 ? "n_layer" : "num_hidden_layers");
        Positive(NumHeads, gpt2 ? "n_head" : "num_attention_heads");
        Positive(NumKeyValueHeads, "num_key_value_heads");
        Positive(IntermediateSize, gpt2 ? "n_inner" : "intermediate_size");
        Positive(MaxPositions, gpt2 ? "n_positions" : "max_position_embeddings");
        if (HeadDim < 0) throw new ArgumentException($"head_dim must be positive, found {HeadDim}", "head_dim");
        if (HeadDim == 0 && HiddenSize % NumHeads != 0)
        {
            var (hidden, heads) = gpt2 ? ("n_embd", "n_head") : ("hidden_size", "num_attention_heads");
            throw new ArgumentException(
                $"{hidden} ({HiddenSize}) must be divisible by {heads} ({NumHeads})", hidden);
        }
        if (NumHeads % NumKeyValueHeads != 0)
            throw new ArgumentException(
                $"num_attention_heads ({NumHeads}) must be divisible by num_key_value_heads ({NumKeyValueHeads})",
                "num_key_value_heads");
        if (gpt2 && NumKeyValueHeads != NumHeads)
            throw new ArgumentException("gpt2 has no grouped-query attention: key/value heads must equal n_head", "n_head");
        if (!(NormEpsilon > 0))
            throw new ArgumentException($"must be positive, found {NormEpsilon}", gpt2 ? "layer_norm_epsilon" : "rms_norm_eps");
        if (!(InitializerRange >= 0))
            throw new ArgumentException($"must be ≥ 0, found {InitializerRange}", "initializer_range");
        if (gpt2) ValidateGpt2Activation();
        else ValidateLlama();
        return this;
    }

    private void ValidateGpt2Activation()
    {
        if (!GeluActivations.Contains(Activation))
            throw new ArgumentException(
                $"unsupported activation '{Activation}'; expected one of {string.Join(", ", GeluActivations)}",
                "activation_function");
    }

    private void ValidateLlama()
    {
        if (Activation != "silu")
            throw new ArgumentException($"unsupported activation '{Activation}'; expected silu", "hidden_act");
        if (ResolvedHeadDim % 2 != 0)
            throw new ArgumentException($"rotary embeddings need an even head dimension, found {ResolvedHeadDim}", "head_dim");
        if (!(RopeTheta > 0))
            throw new ArgumentException($"must be positive, found {RopeTheta}", "rope_theta");
    }

    private static void Positive(int value, string field)
    {
        if (value <= 0) throw new ArgumentException($"must be a positive integer, found {value}", field);
    }
}
