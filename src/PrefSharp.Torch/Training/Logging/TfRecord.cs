using System.Buffers.Binary;

namespace PrefSharp.Torch.Training.Logging;

/// <summary>
/// TFRecord framing, the container of TensorBoard event files: for each record,
/// <c>uint64 length (LE) · uint32 masked_crc32c(length bytes) · data · uint32 masked_crc32c(data)</c>.
/// </summary>
public static class TfRecord
{
    /// <summary>The framed bytes of one record.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> data)
    {
        var framed = new byte[8 + 4 + data.Length + 4];
        var span = framed.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], Crc32C.Masked(span[..8]));
        data.CopyTo(span[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(12 + data.Length)..], Crc32C.Masked(data));
        return framed;
    }
}
