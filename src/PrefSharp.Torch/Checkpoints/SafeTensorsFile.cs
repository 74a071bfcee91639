using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Checkpoints;

/// <summary>
/// A safetensors file opened for reading: the header is parsed at once, tensor bytes are read on demand, one tensor
/// at a time, straight into the destination tensor's memory (or into one staging tensor when the type differs).
/// Layout: 8-byte little-endian header length N, N bytes of JSON header, then the data section.
/// </summary>
public sealed class SafeTensorsFile
{
    /// <summary>The limit on header size used by the reference implementation (100 MB).</summary>
    public const long MaxHeaderBytes = 100_000_000;

    private SafeTensorsFile(string path, IReadOnlyList<SafeTensorsEntry> entries,
        IReadOnlyDictionary<string, string> metadata, long dataStart)
    {
        Path = path;
        Entries = entries;
        Metadata = metadata;
        DataStart = dataStart;
        ByName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
    }

    public string Path { get; }

    /// <summary>The tensors in header order.</summary>
    public IReadOnlyList<SafeTensorsEntry> Entries { get; }

    public IReadOnlyDictionary<string, SafeTensorsEntry> ByName { get; }

    /// <summary>The <c>__metadata__</c> map (empty when absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Byte offset of the data section in the file (8 + header length).</summary>
    public long DataStart { get; }

    /// <summary>Reads and validates the header of <paramref name="path"/>.</summary>
    public static SafeTensorsFile Open(string path)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors reading assumes a little-endian machine");
        using var handle = File.OpenHandle(path);
        var fileLength = RandomAccess.GetLength(handle);
        if (fileLength < 8) throw new InvalidDataException($"{path}: {fileLength} bytes is too short for a safetensors file");
        Span<byte> prefix = stackalloc byte[8];
        ReadExactly(handle, prefix, 0, path);
        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength > MaxHeaderBytes || 8 + (long)headerLength > fileLength)
            throw new InvalidDataException(
                $"{path}: header length {headerLength} is impossible for a file of {fileLength} bytes");
        var header = new byte[headerLength];
        ReadExactly(handle, header, 8, path);
        var dataStart = 8 + (long)headerLength;
        var (entries, metadata) = SafeTensorsHeader.Parse(header, fileLength - dataStart, path);
        return new SafeTensorsFile(path, entries, metadata, dataStart);
    }

    /// <summary>
    /// Copies the tensor <paramref name="entry"/> into <paramref name="destination"/> (same shape, any floating type:
    /// the values are converted), under <c>no_grad</c>. At most one extra tensor of this size is alive meanwhile.
    /// </summary>
    public void ReadInto(SafeTensorsEntry entry, Tensor destination)
    {
        if (!destination.shape.SequenceEqual(entry.Shape))
            throw new InvalidDataException(
                $"{Path}: tensor '{entry.Name}': expected shape {SafeTensorsEntry.FormatShape(destination.shape)}, found {entry.ShapeText}");
        using var noGrad = no_grad();
        var type = entry.DType.ToScalarType();
        if (destination.dtype == type && destination.is_contiguous() && destination.device_type == DeviceType.CPU)
        {
            ReadBytes(entry, destination);
            return;
        }
        using var staging = empty(entry.Shape, type);
        ReadBytes(entry, staging);
        destination.copy_(staging);
    }

    /// <summary>Reads one tensor into a new tensor of the file's type (the caller owns it).</summary>
    public Tensor Read(string name)
    {
        if (!ByName.TryGetValue(name, out var entry))
            throw new KeyNotFoundException($"{Path}: no tensor named '{name}'");
        var tensor = empty(entry.Shape, entry.DType.ToScalarType());
        ReadBytes(entry, tensor);
        return tensor;
    }

    private void ReadBytes(SafeTensorsEntry entry, Tensor contiguousCpu)
    {
        if (entry.ByteLength == 0) return;
        if (entry.ByteLength > int.MaxValue)
            throw new NotSupportedException($"{Path}: tensor '{entry.Name}' is larger than 2 GiB");
        using var handle = File.OpenHandle(Path);
        ReadExactly(handle, contiguousCpu.bytes, DataStart + entry.Begin, Path);
    }

    private static void ReadExactly(SafeFileHandle handle, Span<byte> buffer, long offset, string path)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[done..], offset + done);
            if (read == 0) throw new EndOfStreamException($"{path}: file ends at byte {offset + done}");
            done += read;
        }
    }
}
