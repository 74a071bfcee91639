using System.Text;
using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>Text no reader may pass on silently: invalid UTF-8 in CSV, escaped lone surrogates in JSON, impossible style covariates.</summary>
public sealed class RecordTextTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Invalid_utf8_in_a_csv_cell_names_the_line_and_column_and_skip_invalid_skips_that_row_only()
    {
        var path = folder.Path("pairs.csv");
        File.WriteAllBytes(path, [.. "prompt,chosen,rejected\nhi,good,bad\nhi,g"u8, 0xC3, 0x28, .. "od,bad\nyo,fine,worse\n"u8]);

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));
        var reader = new PreferenceFileReader(path, new ReadOptions { SkipInvalid = true });

        Assert.Equal($"{path}:3: chosen: invalid UTF-8; expected text encoded as UTF-8", error.Message);
        Assert.Equal(2, reader.Count());
        Assert.Equal(1, reader.Skipped.ByReason[Problems.InvalidUtf8]);
    }

    [Fact]
    public void A_csv_with_a_real_non_ascii_character_reads_as_it_is()
    {
        var path = folder.Path("pairs.csv");
        File.WriteAllText(path, "prompt,chosen,rejected\nhé,good 🙂,bad\n", new UTF8Encoding(false));

        var pair = Assert.IsType<PreferencePair>(Assert.Single(PreferenceFileReader.ReadAll(path)));

        Assert.Equal("good 🙂", pair.Chosen.Text);
    }

    [Theory]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "model_a", "prompt": "half \ud800 pair"}""", "prompt")]
    [InlineData("""{"model_a": "x", "model_b": "y", "winner": "model_a", "conv_metadata": {"note": ["ok", "\udc00"]}}""", "conv_metadata")]
    public void An_escaped_lone_surrogate_is_an_invalid_record_naming_its_field(string record, string field)
    {
        var good = """{"model_a": "x", "model_b": "y", "winner": "model_a", "prompt": "pair \ud83d\ude42"}""";
        var path = folder.Write("arena.jsonl", good + "\n" + record + "\n");

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));
        var kept = PreferenceFileReader.ReadAll(path, new ReadOptions { SkipInvalid = true });

        Assert.Equal((Problems.LoneSurrogate, field, 2), (error.Problem, error.Field, error.Location.Line));
        Assert.Single(kept);
    }

    [Theory]
    [InlineData("""{"length": -3}""", """{"length": 5}""", "style_a.length", Problems.OutOfRange)]
    [InlineData("""{"length": 3, "bold_count": 1}""", """{"length": 5}""", "style_b", Problems.MissingField)]
    public void Style_covariates_must_be_counts_with_the_same_keys_on_both_sides(string styleA, string styleB, string field, string problem)
    {
        var path = folder.Write("battles.jsonl", $$"""{"item_a": "x", "item_b": "y", "outcome": "a", "style_a": {{styleA}}, "style_b": {{styleB}}}""" + "\n");

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));

        Assert.Equal((problem, field), (error.Problem, error.Field));
    }
}
