using System.Text;
using PrefSharp.Core.Data;
using PrefSharp.Core.Data.Streaming;

namespace PrefSharp.Core.Tests.Ranking.Streaming;

/// <summary>Item names are looked up by their UTF-8 bytes: escaping does not make a second item, bad bytes are one-line errors.</summary>
public sealed class BattleLineNameTests
{
    [Fact]
    public void An_escaped_and_a_plain_spelling_of_a_name_are_one_item()
    {
        var counts = ReadLines(Encoding.UTF8.GetBytes(
            "{\"model_a\": \"m\u00e9\", \"model_b\": \"b\", \"winner\": \"model_a\"}\n" +
            "{\"model_a\": \"m\\u00e9\", \"model_b\": \"b\", \"winner\": \"model_b\"}\n" +
            "{\"model_a\": \"b\", \"model_b\": \"m\u00e9\", \"winner\": \"model_a\"}\n"));
        Assert.Equal(["m\u00e9", "b"], counts.Items.Names);
        Assert.Equal(3, counts.BattleCount);
        Assert.Equal(1, counts.GetPair(0).FirstWins);
        Assert.Equal(2, counts.GetPair(0).SecondWins);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_named_by_file_line_and_field()
    {
        var good = Encoding.UTF8.GetBytes("{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"tie\"}\n");
        byte[] bad = [.. Encoding.UTF8.GetBytes("{\"model_a\": \"a\", \"model_b\": \"b"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\", \"winner\": \"tie\"}\n")];
        var error = Assert.Throws<DataFormatException>(() => ReadLines([.. good, .. bad]));
        Assert.Contains(":2: model_b: invalid UTF-8", error.Message);
    }

    private static Core.Ranking.PairwiseCounts ReadLines(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"prefsharp-names-{Guid.NewGuid():N}.jsonl");
        File.WriteAllBytes(path, content);
        try
        {
            return BattleCountReader.Read([path]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
