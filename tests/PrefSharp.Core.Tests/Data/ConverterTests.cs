using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

public sealed class ConverterTests : IDisposable
{
    private const string Tulu = """{"model_a": "m1", "model_b": "m2", "prompt": "p", "completion_a": "a", "completion_b": "b", "preference": "b-is-slightly-better", "evaluator": "e1", "instance_id": "i1", "timestamp": "45065.5"}""";
    private readonly TempFolder folder = new();

    [Fact]
    public void By_default_the_first_error_aborts_and_nothing_is_written()
    {
        var input = folder.Write("in.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}\n{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"a\"}\n");
        var output = folder.Path("out.jsonl");

        var error = Assert.Throws<DataFormatException>(() => DataConverter.Convert(input, output));

        Assert.StartsWith(input + ":2: rejected: chosen identical to rejected", error.Message);
        Assert.Equal(["in.jsonl"], folder.FileNames());
    }

    [Fact]
    public void With_skip_invalid_bad_records_are_counted_and_the_rest_written()
    {
        var input = folder.Write("in.jsonl", string.Join("\n", Tulu, Tulu.Replace("\"completion_b\": \"b\"", "\"completion_b\": \"a\""), Tulu.Replace("b-is-slightly", "a-is")));
        var output = folder.Path("out.jsonl");

        var result = DataConverter.Convert(input, output, ConvertTarget.Trl, new ReadOptions { SkipInvalid = true });

        Assert.Equal(("tulu-human-eval", ConvertTarget.Trl, 2L), (result.Format, result.Target, result.Written));
        Assert.Equal(new Dictionary<string, long> { [Problems.IdenticalResponses] = 1 }, result.Skipped.ByReason);
        var pairs = PreferenceFileReader.ReadAll(output).Cast<PreferencePair>().ToList();
        Assert.Equal(("b", "a", "m2", 2.0), (pairs[0].Chosen.Text, pairs[0].Rejected.Text, pairs[0].ChosenModel, pairs[1].Margin!.Value));
    }

    [Fact]
    public void Battles_convert_to_battle_jsonl_by_default_and_to_parquet_by_extension()
    {
        var input = folder.Write("in.jsonl", Tulu);

        var jsonl = DataConverter.Convert(input, folder.Path("out.jsonl"));
        var parquet = DataConverter.Convert(input, folder.Path("out.parquet"));

        Assert.Equal((ConvertTarget.Battles, ConvertTarget.Parquet), (jsonl.Target, parquet.Target));
        var original = (Battle)PreferenceFileReader.ReadAll(input).Single();
        SampleRecords.AssertSame(original, (Battle)PreferenceFileReader.ReadAll(jsonl.Output).Single());
        SampleRecords.AssertSame(original, (Battle)PreferenceFileReader.ReadAll(parquet.Output).Single());
    }

    [Fact]
    public void Pairs_without_model_names_cannot_become_battles()
    {
        var input = folder.Write("in.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}");

        var error = Assert.Throws<DataFormatException>(() => DataConverter.Convert(input, folder.Path("out.jsonl"), ConvertTarget.Battles));

        Assert.StartsWith(input + ":1: chosen_model: missing field", error.Message);
        Assert.Equal(["in.jsonl"], folder.FileNames());
    }

    public void Dispose() => folder.Dispose();
}
