using PrefSharp.Core.Data;
using System.Buffers.Binary;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// Writes tensors to a safetensors file atomically. Tensors are laid out by element size (largest first), then by
/// name, as the reference implementation does, so every tensor starts aligned to its element size.
/// </summary>
public static class SafeTensorsWriter
{
    /// <summary>Writes <paramref name="tensors"/> (names must be unique) with optional <c>__metadata__</c>.</summary>
    public static void Write(string path, IEnumerable<(string Name, Tensor Tensor)> tensors,
        IReadOnlyDictionary<string, string>? metadata = null)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors writing assumes a little-endian machine");
        var ordered = tensors
            .Select(t => (t.Name, t.Tensor, DType: SafeTensorsDTypes.FromScalarType(t.Tensor.dtype)))
            .OrderByDescending(t => t.DType.Size())
            .ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        var duplicate = ordered.GroupBy(t => t.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"tensor name '{duplicate.Key}' given twice", nameof(tensors));

        var entries = new List<SafeTensorsEntry>(ordered.Count);
        long offset = 0;
        foreach (var (name, tensor, dtype) in ordered)
        {
            var length = tensor.NumberOfElements * dtype.Size();
            entries.Add(new SafeTensorsEntry(name, dtype, tensor.shape, offset, offset + length));
            offset += length;
        }
        var header = SafeTensorsHeader.Build(entries, metadata);
        AtomicFile.Write(path, stream =>
        {
            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            stream.Write(header);
            foreach (var (name, tensor, _) in ordered) WriteData(stream, name, tensor);
        });
    }

    private static void WriteData(Stream stream, string name, Tensor tensor)
    {
        if (tensor.NumberOfElements == 0) return;
        if (tensor.NumberOfElements * tensor.ElementSize > int.MaxValue)
            throw new NotSupportedException($"tensor '{name}' is larger than 2 GiB");
        using var noGrad = no_grad();
        using var detached = tensor.detach();
        using var cpuTensor = detached.cpu();
        using var contiguous = cpuTensor.contiguous();
        stream.Write(contiguous.bytes);
    }
}
