namespace PrefSharp.Torch.Checkpoints;

/// <summary>One tensor of a safetensors file: its type, shape and byte range relative to the start of the data section.</summary>
public sealed record SafeTensorsEntry(string Name, SafeTensorsDType DType, long[] Shape, long Begin, long End)
{
    /// <summary>Number of elements (1 for a scalar).</summary>
    public long ElementCount => Shape.Aggregate(1L, (product, size) => product * size);

    /// <summary>Number of bytes in the data section.</summary>
    public long ByteLength => End - Begin;

    /// <summary>The shape as written in error messages, e.g. <c>[64, 32]</c>.</summary>
    public string ShapeText => FormatShape(Shape);

    /// <summary>Formats a shape as <c>[a, b]</c>.</summary>
    public static string FormatShape(IEnumerable<long> shape) => $"[{string.Join(", ", shape)}]";
}
