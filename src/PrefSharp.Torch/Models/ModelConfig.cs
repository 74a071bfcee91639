namespace PrefSharp.Torch.Models;

/// <summary>
/// The architecture of a decoder, one record for every family, read from and written to a Hugging Face
/// <c>config.json</c> (see <see cref="Checkpoints.ModelConfigJson"/>). Defaults are those of the Hugging Face config classes.
/// Property names are PrefSharp's; each doc comment names the JSON field of each family.
/// </summary>
public sealed partial record ModelConfig
{
    /// <summary><c>model_type</c>.</summary>
    public ModelFamily Family { get; init; } = ModelFamily.Llama;

    /// <summary><c>vocab_size</c>.</summary>
    public int VocabSize { get; init; } = 32000;

    /// <summary>gpt2: <c>n_embd</c>; llama/qwen2: <c>hidden_size</c>.</summary>
    public int HiddenSize { get; init; } = 4096;

    /// <summary>gpt2: <c>n_layer</c>; llama/qwen2: <c>num_hidden_layers</c>.</summary>
    public int NumLayers { get; init; } = 32;

    /// <summary>gpt2: <c>n_head</c>; llama/qwen2: <c>num_attention_heads</c>.</summary>
    public int NumHeads { get; init; } = 32;

    /// <summary>llama/qwen2: <c>num_key_value_heads</c> (grouped-query attention); gpt2: equal to <see cref="NumHeads"/>.</summary>
    public int NumKeyValueHeads { get; init; } = 32;

    /// <summary>llama: <c>head_dim</c> when given; otherwise hidden size / heads.</summary>
    public int HeadDim { get; init; }

    /// <summary>gpt2: <c>n_inner</c> (null means 4 × n_embd); llama/qwen2: <c>intermediate_size</c>.</summary>
    public int IntermediateSize { get; init; } = 11008;

    /// <summary>gpt2: <c>n_positions</c>; llama/qwen2: <c>max_position_embeddings</c>.</summary>
    public int MaxPositions { get; init; } = 2048;

    /// <summary>gpt2: <c>layer_norm_epsilon</c>; llama/qwen2: <c>rms_norm_eps</c>.</summary>
    public double NormEpsilon { get; init; } = 1e-6;

    /// <summary>llama/qwen2: <c>rope_theta</c>, the base of the rotary frequencies.</summary>
    public double RopeTheta { get; init; } = 10000.0;

    /// <summary><c>tie_word_embeddings</c>: the output projection reuses the input embedding matrix.</summary>
    public bool TieWordEmbeddings { get; init; }

    /// <summary>Biases on q/k/v: llama <c>attention_bias</c> (also on o_proj); always true for qwen2; gpt2 always has biases.</summary>
    public bool AttentionBias { get; init; }

    /// <summary>gpt2: <c>activation_function</c>; llama/qwen2: <c>hidden_act</c>.</summary>
    public string Activation { get; init; } = "silu";

    /// <summary><c>initializer_range</c>: standard deviation of the normal initialisation of fresh weights.</summary>
    public double InitializerRange { get; init; } = 0.02;

    /// <summary><c>bos_token_id</c>, when the config gives one.</summary>
    public long? BosTokenId { get; init; }

    /// <summary><c>eos_token_id</c> (a number or a list in the JSON); empty when absent.</summary>
    public IReadOnlyList<long> EosTokenIds { get; init; } = [];

    /// <summary><c>pad_token_id</c>, when the config gives one.</summary>
    public long? PadTokenId { get; init; }

    /// <summary>The width of one attention head.</summary>
    public int ResolvedHeadDim => HeadDim > 0 ? HeadDim : HiddenSize / NumHeads;

    /// <summary>Query heads per key/value head (1 for plain multi-head attention).</summary>
    public int KeyValueGroups => NumHeads / NumKeyValueHeads;

    /// <summary>Whether q/k/v projections carry a bias.</summary>
    public bool HasQkvBias => Family == ModelFamily.Qwen2 || AttentionBias;
}
