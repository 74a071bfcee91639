using System.IO.Compression;
using System.Text;
using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>The containers under the formats: JSON arrays streamed, CSV quoting, gzip found by magic bytes, BOMs, long lines.</summary>
public sealed class ContainerTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Json_array_elements_may_hold_brackets_commas_and_escaped_quotes_in_strings()
    {
        var path = folder.Write("tricky.json", """
            [ {"model_a": "a]}", "model_b": "b,\"[{", "winner": "model_a", "question_id": "q\\"},
              {"model_a": "c", "model_b": "d", "winner": "tie", "conv_metadata": {"header_count_a": {"h1": 1, "h2": 2}, "header_count_b": {"h1": 0}, "sum_assistant_a_tokens": 10, "sum_assistant_b_tokens": 20}} ]
            """);

        var battles = PreferenceFileReader.ReadAll(path).Cast<Battle>().ToList();

        Assert.Equal(("a]}", "b,\"[{", "q\\"), (battles[0].ItemA, battles[0].ItemB, battles[0].QuestionId));
        Assert.Equal(3, battles[1].StyleA!["header_count"]);
        Assert.Equal(20, battles[1].StyleB!["sum_assistant_tokens"]);
    }

    [Fact]
    public void Records_longer_than_the_read_buffer_are_read_whole()
    {
        var longText = new string('x', 3 << 20);
        var arrayPath = folder.Write("long.json", $$"""[{"prompt": "p", "chosen": "{{longText}}", "rejected": "b"}, {"prompt": "q", "chosen": "c", "rejected": "d"}]""");
        var linesPath = folder.Write("long.jsonl", $$"""{"prompt": "p", "chosen": "{{longText}}", "rejected": "b"}""" + "\r\n" + """{"prompt": "q", "chosen": "c", "rejected": "d"}""");

        foreach (var path in new[] { arrayPath, linesPath })
        {
            var pairs = PreferenceFileReader.ReadAll(path).Cast<PreferencePair>().ToList();
            Assert.Equal(longText.Length, pairs[0].Chosen.Length);
            Assert.Equal("q", pairs[1].Prompt.Text);
        }
    }

    [Fact]
    public void Gzip_is_recognised_by_its_magic_bytes_whatever_the_name()
    {
        var path = folder.Path("no-extension");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("\uFEFF{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\"}\n"));
        }

        var pair = (PreferencePair)PreferenceFileReader.ReadAll(path).Single();

        Assert.Equal(("p", 1L), (pair.Prompt.Text, pair.Location.Line));
    }

    [Fact]
    public void Csv_fields_may_be_quoted_with_commas_line_breaks_and_doubled_quotes()
    {
        var path = folder.Write("pairs.csv", "prompt,chosen,rejected,margin\r\n\"Say \"\"hi\"\"\",\"hi,\r\nthere\",bye,\r\np2,a,b,2.5\r\n");

        var pairs = PreferenceFileReader.ReadAll(path).Cast<PreferencePair>().ToList();

        Assert.Equal(("Say \"hi\"", "hi,\r\nthere", "bye", (double?)null), (pairs[0].Prompt.Text, pairs[0].Chosen.Text, pairs[0].Rejected.Text, pairs[0].Margin));
        Assert.Equal((2.5, 4L), (pairs[1].Margin!.Value, pairs[1].Location.Line));
    }

    [Fact]
    public void Csv_battles_parse_numbers_from_text()
    {
        var path = folder.Write("compact.csv", "index,generator_1,generator_2,preference,len_output_1,len_output_2\n3,base,model,1.25,100,200\n");

        var battle = (Battle)PreferenceFileReader.ReadAll(path).Single();

        Assert.Equal(("3", 0.75, BattleOutcome.A, 200.0), (battle.QuestionId, battle.ScoreA, battle.Outcome, battle.StyleB!["length"]));
    }

    public void Dispose() => folder.Dispose();
}
