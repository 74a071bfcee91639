using static TorchSharp.torch;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>Maps safetensors element types to header names, byte sizes and TorchSharp scalar types.</summary>
public static class SafeTensorsDTypes
{
    /// <summary>Bytes per element.</summary>
    public static int Size(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.F64 or SafeTensorsDType.I64 => 8,
        SafeTensorsDType.F32 or SafeTensorsDType.I32 => 4,
        SafeTensorsDType.F16 or SafeTensorsDType.BF16 or SafeTensorsDType.I16 => 2,
        _ => 1,
    };

    /// <summary>The TorchSharp scalar type with the same bytes.</summary>
    public static ScalarType ToScalarType(this SafeTensorsDType dtype) => dtype switch
    {
        SafeTensorsDType.F64 => ScalarType.Float64,
        SafeTensorsDType.F32 => ScalarType.Float32,
        SafeTensorsDType.F16 => ScalarType.Float16,
        SafeTensorsDType.BF16 => ScalarType.BFloat16,
        SafeTensorsDType.I64 => ScalarType.Int64,
        SafeTensorsDType.I32 => ScalarType.Int32,
        SafeTensorsDType.I16 => ScalarType.Int16,
        SafeTensorsDType.I8 => ScalarType.Int8,
        SafeTensorsDType.U8 => ScalarType.Byte,
        SafeTensorsDType.BOOL => ScalarType.Bool,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The safetensors type of a TorchSharp scalar type; other types cannot be stored.</summary>
    public static SafeTensorsDType FromScalarType(ScalarType type) => type switch
    {
        ScalarType.Float64 => SafeTensorsDType.F64,
        ScalarType.Float32 => SafeTensorsDType.F32,
        ScalarType.Float16 => SafeTensorsDType.F16,
        ScalarType.BFloat16 => SafeTensorsDType.BF16,
        ScalarType.Int64 => SafeTensorsDType.I64,
        ScalarType.Int32 => SafeTensorsDType.I32,
        ScalarType.Int16 => SafeTensorsDType.I16,
        ScalarType.Int8 => SafeTensorsDType.I8,
        ScalarType.Byte => SafeTensorsDType.U8,
        ScalarType.Bool => SafeTensorsDType.BOOL,
        _ => throw new NotSupportedException($"tensors of type {type} cannot be stored in safetensors by PrefSharp"),
    };

    /// <summary>Parses a header name such as <c>"BF16"</c>; null when the name is not one PrefSharp supports.</summary>
    public static SafeTensorsDType? Parse(string name) =>
        Enum.TryParse<SafeTensorsDType>(name, ignoreCase: false, out var dtype) && Enum.IsDefined(dtype)
        && name == dtype.ToString() ? dtype : null;
}
