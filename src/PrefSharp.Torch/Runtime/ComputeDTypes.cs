using static TorchSharp.torch;

namespace PrefSharp.Torch.Runtime;

/// <summary>The three compute types a model may run in, under their Hugging Face (<c>torch_dtype</c>) names.</summary>
public static class ComputeDTypes
{
    /// <summary>The accepted names, as <c>--dtype</c> and <c>config.json</c>'s <c>torch_dtype</c> spell them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["float32", "bfloat16", "float16"];

    /// <summary>float32, bfloat16 or float16 (also fp32/bf16/fp16); anything else is an <see cref="ArgumentException"/>.</summary>
    public static ScalarType Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "float32" or "fp32" => ScalarType.Float32,
        "bfloat16" or "bf16" => ScalarType.BFloat16,
        "float16" or "fp16" or "half" => ScalarType.Float16,
        _ => throw new ArgumentException($"--dtype: '{name}' is not a compute type; expected {string.Join(", ", Names)}", "--dtype"),
    };

    /// <summary>The Hugging Face name of a compute type.</summary>
    public static string Name(ScalarType type) => type switch
    {
        ScalarType.Float32 => "float32",
        ScalarType.BFloat16 => "bfloat16",
        ScalarType.Float16 => "float16",
        ScalarType.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not a floating compute type"),
    };
}
