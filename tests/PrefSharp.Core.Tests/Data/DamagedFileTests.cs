using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>A truncated or damaged file is an error naming the file, never a shorter dataset, and --skip-invalid does not hide it.</summary>
public sealed class DamagedFileTests : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly GzipFixture gzip = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Gzip_cut_at_a_flush_point_is_a_truncated_file(bool skipInvalid)
    {
        var path = WriteBytes("cut.jsonl.gz", gzip.Bytes[..gzip.FlushPoint]);

        var error = ReadFails(path, skipInvalid);

        Assert.Equal(Problems.TruncatedFile, error.Problem);
        Assert.StartsWith($"{path}: truncated file (the compressed data stops at byte {gzip.FlushPoint}, inside gzip member 1", error.Message);
    }

    [Theory]
    [InlineData(37, false)]
    [InlineData(37, true)]
    [InlineData(-3, true)]
    public void Gzip_cut_inside_a_block_or_its_trailer_is_a_truncated_file_not_a_malformed_record(int cut, bool skipInvalid)
    {
        var length = cut > 0 ? gzip.FlushPoint + cut : gzip.Bytes.Length + cut;
        var path = WriteBytes("cut.jsonl.gz", gzip.Bytes[..length]);

        Assert.Equal(Problems.TruncatedFile, ReadFails(path, skipInvalid).Problem);
    }

    [Fact]
    public void Gzip_whose_checksum_does_not_match_is_a_corrupt_file()
    {
        var bytes = gzip.Bytes.ToArray();
        bytes[^8] ^= 0x55;
        var path = WriteBytes("crc.jsonl.gz", bytes);

        var error = ReadFails(path, skipInvalid: true);

        Assert.Equal(Problems.CorruptFile, error.Problem);
        Assert.Contains("the CRC-32 of gzip member 1 does not match its data", error.Message);
    }

    [Fact]
    public void A_whole_gzip_file_of_several_members_with_optional_header_fields_is_read_to_the_last_record()
    {
        var second = GzipFixture.MemberWithOptionalFields(GzipFixture.Line(1000));
        var empty = GzipFixture.MemberWithOptionalFields([]);
        var path = WriteBytes("members.jsonl.gz", [.. empty, .. gzip.Bytes, .. second, .. empty, .. gzip.Bytes, .. empty]);

        var battles = PreferenceFileReader.ReadAll(path).Cast<Battle>().ToList();

        Assert.Equal(2 * GzipFixture.Lines + 1, battles.Count);
        Assert.Equal(("m5", 2 * GzipFixture.Lines + 1L), (battles[^1].ItemA, battles[^1].Location.Line));
    }

    [Theory]
    [InlineData("cut")]
    [InlineData("zeroed-metadata")]
    [InlineData("zeroed")]
    public void A_truncated_or_zeroed_parquet_file_is_an_error_naming_the_file(string damage)
    {
        var whole = folder.Path("whole.parquet");
        BattleParquetWriter.Write(whole, Enumerable.Range(0, 50).Select(i => new Battle($"m{i % 4}", "x", BattleOutcome.A)));
        var bytes = File.ReadAllBytes(whole);
        var damaged = damage switch
        {
            "cut" => bytes[..(bytes.Length / 2)],
            "zeroed-metadata" => [.. bytes[..(bytes.Length / 3)], .. new byte[bytes.Length - 8 - bytes.Length / 3], .. bytes[^8..]],
            _ => new byte[bytes.Length],
        };
        var path = WriteBytes("damaged.parquet", damaged);

        var error = ReadFails(path, skipInvalid: true);

        Assert.Equal(damage == "cut" ? Problems.TruncatedFile : Problems.CorruptFile, error.Problem);
        Assert.StartsWith($"{path}: {error.Problem} (", error.Message);
    }

    [Fact]
    public void A_directory_is_not_a_file()
    {
        var path = folder.Path("folder.jsonl");
        Directory.CreateDirectory(path);

        var error = Assert.Throws<DataFormatException>(() => new PreferenceFileReader(path));

        Assert.Equal($"{path}: not a file (it is a directory); expected a file of records", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\r\n\t")]
    public void An_empty_file_is_an_error_not_zero_rankings(string content)
    {
        var path = folder.Write("empty.jsonl", content);

        var error = Assert.Throws<DataFormatException>(() => new PreferenceFileReader(path));

        Assert.Equal($"{path}: no records (the file is empty); expected at least one record", error.Message);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = folder.Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static DataFormatException ReadFails(string path, bool skipInvalid) =>
        Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path, new ReadOptions { SkipInvalid = skipInvalid }));
}
