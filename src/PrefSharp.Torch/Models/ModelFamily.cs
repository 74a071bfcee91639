namespace PrefSharp.Torch.Models;

/// <summary>The decoder families PrefSharp can build, by their Hugging Face <c>model_type</c>.</summary>
public enum ModelFamily
{
    /// <summary><c>gpt2</c>: learned positions, LayerNorm, GELU MLP, Conv1D weights stored [in, out].</summary>
    Gpt2,

    /// <summary><c>llama</c>: rotary positions, RMSNorm, SwiGLU MLP, grouped-query attention.</summary>
    Llama,

    /// <summary><c>qwen2</c>: the Llama architecture with biases on the q/k/v projections.</summary>
    Qwen2,
}
