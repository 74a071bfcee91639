using System.Buffers.Binary;
using System.Text;

namespace PrefSharp.Torch.Training.Logging;

/// <summary>
/// Protocol-buffer encoding of the two TensorBoard messages PrefSharp writes (tensorflow/core/util/event.proto and
/// framework/summary.proto): <c>Event{wall_time = 1 (double), step = 2 (int64), file_version = 3 (string),
/// summary = 5 (Summary)}</c>, <c>Summary{value = 1 (repeated Value)}</c>, <c>Value{tag = 1 (string), simple_value = 2 (float)}</c>.
/// </summary>
public static class TensorBoardEvent
{
    /// <summary>The first event of a file: wall time and <c>file_version = "brain.Event:2"</c>.</summary>
    public static byte[] FileVersion(double wallTime)
    {
        using var stream = new MemoryStream();
        WriteDouble(stream, 1, wallTime);
        WriteBytes(stream, 3, Encoding.UTF8.GetBytes("brain.Event:2"));
        return stream.ToArray();
    }

    /// <summary>An event carrying scalar summaries (tag → value) at <paramref name="step"/>.</summary>
    public static byte[] Scalars(double wallTime, long step, IEnumerable<KeyValuePair<string, double>> scalars)
    {
        using var summary = new MemoryStream();
        var bits = new byte[4];
        foreach (var (tag, value) in scalars)
        {
            using var entry = new MemoryStream();
            WriteBytes(entry, 1, Encoding.UTF8.GetBytes(tag));
            WriteTag(entry, 2, wireType: 5);
            BinaryPrimitives.WriteSingleLittleEndian(bits, (float)value);
            entry.Write(bits);
            WriteBytes(summary, 1, entry.ToArray());
        }
        using var stream = new MemoryStream();
        WriteDouble(stream, 1, wallTime);
        WriteTag(stream, 2, wireType: 0);
        WriteVarint(stream, (ulong)step);
        WriteBytes(stream, 5, summary.ToArray());
        return stream.ToArray();
    }

    private static void WriteDouble(Stream stream, int field, double value)
    {
        WriteTag(stream, field, wireType: 1);
        Span<byte> bits = stackalloc byte[8];
        BinaryPrimitives.WriteDoubleLittleEndian(bits, value);
        stream.Write(bits);
    }

    private static void WriteBytes(Stream stream, int field, byte[] bytes)
    {
        WriteTag(stream, field, wireType: 2);
        WriteVarint(stream, (ulong)bytes.Length);
        stream.Write(bytes);
    }

    private static void WriteTag(Stream stream, int field, int wireType) => WriteVarint(stream, (ulong)((field << 3) | wireType));

    private static void WriteVarint(Stream stream, ulong value)
    {
        while (value >= 0x80)
        {
            stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }
        stream.WriteByte((byte)value);
    }
}
