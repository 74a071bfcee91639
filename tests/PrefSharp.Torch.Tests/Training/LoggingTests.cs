using System.Text;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>CRC-32C against published check values; TFRecord framing and the Event protobuf against bytes derived by hand.</summary>
public sealed class LoggingTests
{
    [Fact]
    public void Crc32C_matches_published_check_values()
    {
        // The CRC catalogue's check value of CRC-32C (iSCSI) over ASCII "123456789" is 0xE3069283;
        // RFC 3720 §B.4 gives 0x8A9136AA for 32 bytes of zeros.
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));
        Assert.Equal(0x8A9136AAu, Crc32C.Compute(new byte[32]));
    }

    [Fact]
    public void Masking_rotates_right_by_15_and_adds_the_constant()
    {
        // 0xE3069283 ror 15: low 15 bits 0x1283 move to the top (0x1283 << 17 = 0x25060000),
        // high 17 bits 0xE3069283 >> 15 = 0x1C60D; together 0x2507C60D; + 0xA282EAD8 = 0xC78AB0E5.
        Assert.Equal(0xC78AB0E5u, Crc32C.Mask(0xE3069283u));
    }

    [Fact]
    public void A_tfrecord_is_length_crc_data_crc()
    {
        var framed = TfRecord.Frame("123456789"u8);
        Assert.Equal(8 + 4 + 9 + 4, framed.Length);
        Assert.Equal(new byte[] { 9, 0, 0, 0, 0, 0, 0, 0 }, framed[..8]);                     // length 9, little-endian
        Assert.Equal(BitConverter.GetBytes(Crc32C.Masked(framed.AsSpan(0, 8))), framed[8..12]);
        Assert.Equal("123456789"u8.ToArray(), framed[12..21]);
        Assert.Equal(new byte[] { 0xE5, 0xB0, 0x8A, 0xC7 }, framed[21..]);                   // masked CRC 0xC78AB0E5, little-endian
    }

    [Fact]
    public void A_scalar_event_has_the_hand_encoded_bytes()
    {
        // Value{tag = "loss" (0A 04 6C 6F 73 73), simple_value = 0.5f (15 00 00 00 3F)}: 11 bytes.
        // Summary{value (0A 0B …)}: 13 bytes. Event{wall_time = 1.5 (09 + 00 00 00 00 00 00 F8 3F), step = 3 (10 03), summary (2A 0D …)}.
        byte[] expected =
        [
            0x09, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F,
            0x10, 0x03,
            0x2A, 0x0D, 0x0A, 0x0B, 0x0A, 0x04, 0x6C, 0x6F, 0x73, 0x73, 0x15, 0, 0, 0, 0x3F,
        ];
        Assert.Equal(expected, TensorBoardEvent.Scalars(1.5, 3, [new("loss", 0.5)]));
        // file_version: 1A 0D "brain.Event:2"
        var version = TensorBoardEvent.FileVersion(1.5);
        Assert.Equal([0x1A, 0x0D, .. Encoding.ASCII.GetBytes("brain.Event:2")], version[9..]);
    }
}
