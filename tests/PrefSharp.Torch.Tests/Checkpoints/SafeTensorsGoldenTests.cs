using System.Text;
using PrefSharp.Torch.Checkpoints;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Checkpoints;

/// <summary>Byte-exact safetensors: a hand-built file, known F16/BF16 bit patterns, and rejected malformed files.</summary>
public sealed class SafeTensorsGoldenTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-st-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // Header {"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}} is 54 bytes; padded with 2 spaces to 56 (0x38).
    // 1.0f = 0x3F800000 and 2.0f = 0x40000000, little-endian.
    private const string GoldenHeader = "{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}  ";

    private static byte[] GoldenFile() =>
    [
        0x38, 0, 0, 0, 0, 0, 0, 0,
        .. Encoding.ASCII.GetBytes(GoldenHeader),
        0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40,
    ];

    [Fact]
    public void Writing_one_F32_tensor_gives_the_known_bytes()
    {
        var path = Path.Combine(_directory, "x.safetensors");
        using var x = tensor(new[] { 1.0f, 2.0f });
        SafeTensorsWriter.Write(path, [("x", x)]);
        Assert.Equal(GoldenFile(), File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(_directory, "*.tmp"));
    }

    [Fact]
    public void Reading_the_hand_built_file_gives_the_values()
    {
        var path = Path.Combine(_directory, "golden.safetensors");
        File.WriteAllBytes(path, GoldenFile());
        var file = SafeTensorsFile.Open(path);
        var entry = Assert.Single(file.Entries);
        Assert.Equal(("x", SafeTensorsDType.F32, 0L, 8L), (entry.Name, entry.DType, entry.Begin, entry.End));
        Assert.Equal([2L], entry.Shape);
        Assert.Equal(64, file.DataStart);
        using var x = file.Read("x");
        Assert.Equal(new[] { 1.0f, 2.0f }, x.data<float>().ToArray());
    }

    [Fact]
    public void F16_and_BF16_bit_patterns_decode_to_known_values_and_convert_on_load()
    {
        // F16: 0x3C00 = 1.0, 0xC000 = -2.0, 0x3555 ≈ 0.333251953125, 0x7BFF = 65504 (largest finite).
        // BF16: 0x3F80 = 1.0, 0xC040 = -3.0, 0x3EAB = 0.333984375, 0x4049 = 3.140625.
        var header = "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2,2],\"data_offsets\":[0,8]},"
            + "\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[8,16]}}";
        header += new string(' ', (8 - header.Length % 8) % 8);
        byte[] bytes =
        [
            .. BitConverter.GetBytes((ulong)header.Length), .. Encoding.ASCII.GetBytes(header),
            0x80, 0x3F, 0x40, 0xC0, 0xAB, 0x3E, 0x49, 0x40,
            0x00, 0x3C, 0x00, 0xC0, 0x55, 0x35, 0xFF, 0x7B,
        ];
        var path = Path.Combine(_directory, "half.safetensors");
        File.WriteAllBytes(path, bytes);
        var file = SafeTensorsFile.Open(path);
        Assert.Equal("pt", file.Metadata["format"]);

        using var b = zeros(2, 2);
        using var h = zeros(4);
        file.ReadInto(file.ByName["b"], b);
        file.ReadInto(file.ByName["h"], h);
        Assert.Equal(new[] { 1.0f, -3.0f, 0.333984375f, 3.140625f }, b.data<float>().ToArray());
        Assert.Equal(new[] { 1.0f, -2.0f, 0.333251953125f, 65504f }, h.data<float>().ToArray());
    }

    [Theory]
    [InlineData("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", "needs 12 bytes")]
    [InlineData("{\"x\":{\"dtype\":\"F99\",\"shape\":[2],\"data_offsets\":[0,8]}}", "unsupported dtype 'F99'")]
    [InlineData("{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", "cover 4 bytes but the data section holds 8")]
    [InlineData("{\"x\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}", "not valid JSON")]
    public void Malformed_headers_are_rejected_with_the_reason(string header, string expected)
    {
        var path = Path.Combine(_directory, "bad.safetensors");
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)header.Length), .. Encoding.ASCII.GetBytes(header), .. new byte[8]]);
        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(path));
        Assert.Contains(expected, error.Message);
        Assert.Contains("bad.safetensors", error.Message);
    }

    [Fact]
    public void A_truncated_file_is_rejected()
    {
        var path = Path.Combine(_directory, "short.safetensors");
        File.WriteAllBytes(path, GoldenFile()[..^3]);
        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Open(path));
        Assert.Contains("data section holds 5", error.Message);
    }
}
