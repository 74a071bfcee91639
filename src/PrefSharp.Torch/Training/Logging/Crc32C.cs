using System.Numerics;

namespace PrefSharp.Torch.Training.Logging;

/// <summary>
/// CRC-32C (Castagnoli polynomial 0x1EDC6F41, reflected 0x82F63B78; RFC 3720 §B.4), the checksum of TFRecord files,
/// and TensorFlow's masked form of it.
/// </summary>
public static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/> (initial value and final xor 0xFFFFFFFF). Check value: "123456789" → 0xE3069283.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in data) crc = BitOperations.Crc32C(crc, value);
        return ~crc;
    }

    /// <summary>TFRecord's masked CRC: rotate right by 15 bits, then add 0xA282EAD8 (mod 2³²).</summary>
    public static uint Mask(uint crc) => unchecked(((crc >> 15) | (crc << 17)) + 0xA282EAD8u);

    /// <summary><see cref="Mask"/> of <see cref="Compute"/>.</summary>
    public static uint Masked(ReadOnlySpan<byte> data) => Mask(Compute(data));
}
