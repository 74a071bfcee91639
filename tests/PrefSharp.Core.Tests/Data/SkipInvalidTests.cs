using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

public sealed class SkipInvalidTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Bad_records_are_skipped_and_counted_by_reason()
    {
        var path = folder.Write("mixed.jsonl", string.Join("\n",
            """{"prompt": "p1", "chosen": "a", "rejected": "b"}""",
            """{"prompt": "p2", "chosen": "same", "rejected": "same"}""",
            """{"prompt": "p3", "chosen": "a", "rejected": }""",
            """{"prompt": "p4", "chosen": "", "rejected": "b"}""",
            """{"prompt": "p5", "chosen": "x", "rejected": "x"}""",
            """{"prompt": "p6", "chosen": "c", "rejected": "d"}"""));
        var reader = new PreferenceFileReader(path, new ReadOptions { SkipInvalid = true });

        var prompts = reader.Cast<PreferencePair>().Select(pair => pair.Prompt.Text).ToList();

        Assert.Equal(["p1", "p6"], prompts);
        Assert.Equal(4, reader.Skipped.Total);
        Assert.Equal(new Dictionary<string, long>
        {
            [Problems.IdenticalResponses] = 2,
            [Problems.EmptyText] = 1,
            [Problems.MalformedJson] = 1,
        }, reader.Skipped.ByReason);
        Assert.StartsWith(path + ":2: rejected:", reader.Skipped.FirstMessages[Problems.IdenticalResponses]);
    }

    [Fact]
    public void A_bad_element_of_a_json_array_is_skipped_and_reading_goes_on()
    {
        var path = folder.Write("battles.json", """
            [{"model_a": "x", "model_b": "y", "winner": "model_a"},
             {"model_a": "x", "model_b": "y", "winner": "model_z"},
             {"model_a": "x", "model_b": "y", "winner": oops},
             {"model_a": "y", "model_b": "x", "winner": "tie (bothbad)"}]
            """);
        var reader = new PreferenceFileReader(path, new ReadOptions { SkipInvalid = true });

        var battles = reader.Cast<Battle>().ToList();

        Assert.Equal([BattleOutcome.A, BattleOutcome.TieBothBad], battles.Select(battle => battle.Outcome));
        Assert.Equal(3, battles[1].Location.Line);
        Assert.True(battles[1].Location.IsRecordIndex);
        Assert.Equal(new Dictionary<string, long> { [Problems.MalformedJson] = 1, [Problems.UnknownLabel] = 1 }, reader.Skipped.ByReason);
    }

    [Fact]
    public void Counts_start_again_with_each_enumeration()
    {
        var path = folder.Write("a.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"a\"}\n");
        var reader = new PreferenceFileReader(path, new ReadOptions { SkipInvalid = true });

        Assert.Empty(reader.ToList());
        Assert.Empty(reader.ToList());
        Assert.Equal(1, reader.Skipped.Total);
    }

    public void Dispose() => folder.Dispose();
}
