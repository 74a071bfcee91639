using System.Text;
using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>Records that parse as JSON but must not be read as they are: invalid UTF-8, a field given twice, empty item names, impossible lengths.</summary>
public sealed class RecordEncodingTests : IDisposable
{
    private const string Good = """{"model_a": "x", "model_b": "y", "winner": "model_a"}""";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Invalid_utf8_names_the_line_and_byte_and_skip_invalid_skips_only_that_record()
    {
        byte[] bad = [.. Encoding.UTF8.GetBytes("{\"model_a\": \"x"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\", \"model_b\": \"y\", \"winner\": \"model_a\"}")];
        var path = folder.Path("bad-utf8.jsonl");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(Good + "\n"), .. bad, (byte)'\n', .. Encoding.UTF8.GetBytes(Good + "\n")]);

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));
        var reader = new PreferenceFileReader(path, new ReadOptions { SkipInvalid = true });

        Assert.Equal($"{path}:2: invalid UTF-8 (at byte 15); expected text encoded as UTF-8", error.Message);
        Assert.Equal(2, reader.Count());
        Assert.Equal(1, reader.Skipped.ByReason[Problems.InvalidUtf8]);
    }

    [Fact]
    public void Invalid_utf8_in_a_rankings_text_row_is_one_bad_row()
    {
        var path = folder.Path("ranks.txt");
        File.WriteAllBytes(path, [.. "DriverID Race Place\na 1 1\nb 1 2\n"u8, 0xFF, .. " 1 3\nc 2 1\n"u8]);

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));
        var rankings = PreferenceFileReader.ReadAll(path, new ReadOptions { SkipInvalid = true }).Cast<ItemRanking>().ToList();

        Assert.Equal($"{path}:4: invalid UTF-8 (at byte 1); expected text encoded as UTF-8", error.Message);
        Assert.Equal([2, 1], rankings.Select(ranking => ranking.Items.Count));
    }

    [Theory]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "model_a", "model_a": "z"}""", "model_a")]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "model_a", "conv_metadata": {"n": 1, "n": 2}}""", "conv_metadata.n")]
    public void A_field_given_twice_is_an_invalid_record_naming_the_field(string record, string field)
    {
        var path = folder.Write("dupes.jsonl", Good + "\n" + record + "\n");

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));

        Assert.Equal($"{path}:2: {field}: duplicate field; expected each field once per object", error.Message);
    }

    [Theory]
    [InlineData("""{"model_a": "", "model_b": "y", "winner": "model_a"}""", "model_a")]
    [InlineData("""{"item_a": "x", "item_b": " ", "outcome": "a"}""", "item_b")]
    [InlineData("""{"index": 0, "generator_1": "x", "generator_2": "", "preference": 1.5, "len_output_1": 1, "len_output_2": 2}""", "generator_2")]
    public void An_empty_item_name_is_an_invalid_record(string record, string field)
    {
        var path = folder.Write("names.jsonl", record + "\n");

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));

        Assert.Equal((Problems.EmptyText, field), (error.Problem, error.Field));
    }

    [Theory]
    [InlineData("-5", "len_output_1")]
    [InlineData("1e300", "len_output_1")]
    [InlineData("12.5", "len_output_1")]
    [InlineData("3000000000", "len_output_1")]
    public void A_negative_fractional_or_absurd_length_is_refused_with_its_field(string length, string field)
    {
        var path = folder.Write("compact.jsonl",
            $$"""{"index": 0, "generator_1": "a", "generator_2": "b", "preference": 1.5, "len_output_1": {{length}}, "len_output_2": 10}""" + "\n");

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));

        Assert.Equal((Problems.OutOfRange, field), (error.Problem, error.Field));
        Assert.Contains("expected a whole number of characters from 0 to 2147483647", error.Message);
    }

    [Fact]
    public void Converting_a_file_whose_every_record_is_skipped_is_an_error_and_writes_nothing()
    {
        var input = folder.Write("all-bad.jsonl", """{"model_a": "x", "model_b": "x", "winner": "model_a"}""" + "\n");
        var output = folder.Path("out.jsonl");

        var error = Assert.Throws<DataFormatException>(() => DataConverter.Convert(input, output, options: new ReadOptions { SkipInvalid = true }));

        Assert.Equal($"{input}: no records (all 1 were skipped as invalid); expected at least one record to convert", error.Message);
        Assert.False(File.Exists(output));
        Assert.Single(folder.FileNames());
    }
}
