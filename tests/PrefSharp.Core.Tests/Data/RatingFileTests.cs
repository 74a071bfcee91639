using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Data;

/// <summary>Per-attribute rating files (ArmoRM stage 1 data) and the correlation used to judge stage 1.</summary>
public sealed class RatingFileTests
{
    [Fact]
    public void Ratings_read_top_level_nested_missing_and_null_and_round_trip()
    {
        using var folder = new TempFolder();
        var path = folder.Write("ratings.jsonl",
            "{\"prompt\": \"p1\", \"response\": \"r1\", \"help\": 4, \"verbose\": 2.5}\n\n" +
            "{\"prompt\": \"p2\", \"completion\": \"r2\", \"ratings\": {\"help\": 1, \"verbose\": null}}\n" +
            "{\"prompt\": \"p3\", \"response\": \"r3\", \"verbose\": 0}\n");
        var records = RatingFileReader.Read(path, ["help", "verbose"]);
        Assert.Equal(3, records.Count);
        Assert.Equal([4.0, 2.5], records[0].Ratings);
        Assert.Equal("r2", records[1].Response);
        Assert.Equal([1.0, null], records[1].Ratings);
        Assert.Equal([null, 0.0], records[2].Ratings);

        var copy = folder.Path("copy.jsonl");
        RatingFileWriter.Write(copy, ["help", "verbose"], [("p", "r", [0.5, -1.0])]);
        Assert.Equal([0.5, -1.0], RatingFileReader.Read(copy, ["help", "verbose"])[0].Ratings);
    }

    [Fact]
    public void Bad_ratings_name_the_line_and_field()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.jsonl", "{\"prompt\": \"p\", \"response\": \"r\", \"help\": 1}\n{\"prompt\": \"p\", \"response\": \"r\", \"other\": 1}\n");
        var error = Assert.Throws<DataFormatException>(() => RatingFileReader.Read(path, ["help"]));
        Assert.Contains("bad.jsonl:2", error.Message);
        Assert.Contains("no objective rated", error.Message);
        var noPrompt = folder.Write("noprompt.jsonl", "{\"response\": \"r\", \"help\": 1}\n");
        Assert.Contains("prompt", Assert.Throws<DataFormatException>(() => RatingFileReader.Read(noPrompt, ["help"])).Message);
    }

    [Fact]
    public void Pearson_golden()
    {
        // x = [1, 2, 3], y = [1, 3, 2]: centred [−1, 0, 1]·[−1, 1, 0] = 1; √(2·2) = 2 → r = ½.
        Assert.Equal(0.5, Correlation.Pearson([1, 2, 3], [1, 3, 2]), 12);
        Assert.Equal(-1.0, Correlation.Pearson([1, 2, 3], [6, 4, 2]), 12);
        Assert.True(double.IsNaN(Correlation.Pearson([1, 1, 1], [1, 2, 3])));
    }
}
