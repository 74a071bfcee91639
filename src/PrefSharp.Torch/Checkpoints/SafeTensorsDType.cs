namespace PrefSharp.Torch.Checkpoints;

/// <summary>The element types of the safetensors format that PrefSharp reads and writes, by their header names.</summary>
public enum SafeTensorsDType
{
    F64,
    F32,
    F16,
    BF16,
    I64,
    I32,
    I16,
    I8,
    U8,
    BOOL,
}
