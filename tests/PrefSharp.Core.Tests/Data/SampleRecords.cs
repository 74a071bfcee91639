using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>Small records that use every optional field, for round trips.</summary>
internal static class SampleRecords
{
    public static readonly PreferencePair TextPair = new(Passage.FromText("Capital of France?"), Passage.FromText("Paris — café \"quoted\"\nline 2"), Passage.FromText("Lyon"))
    {
        Margin = 1.5, ScoreChosen = 9.0, ScoreRejected = 7.5, SoftLabel = 0.8, AnnotatorId = "rater-7", Source = "unit", Id = "q1",
        ChosenModel = "model-x", RejectedModel = "model-y",
        Metadata = new Dictionary<string, string> { ["source_index"] = "36641", ["lang"] = "en" },
    };

    public static readonly PreferencePair TiedTextPair = new(Passage.FromText(""), Passage.FromText("left 🙂"), Passage.FromText("right"))
    {
        IsTie = true,
    };

    public static readonly PreferencePair ConversationPair = new(
        Passage.FromMessages([new Message("system", "Be brief."), new Message("user", "Hi")]),
        Passage.FromMessages([new Message("assistant", "Hello!")]),
        Passage.FromMessages([new Message("assistant", "What do you want?")]))
    {
        Margin = 2,
    };

    public static readonly Battle FullBattle = new("model-a", "model-b", BattleOutcome.B)
    {
        ScoreA = 0.25, Weight = 3, Margin = 2, Judge = "gpt-4o", QuestionId = "42",
        Timestamp = new DateTimeOffset(2024, 5, 17, 13, 11, 45, 123, TimeSpan.Zero).AddTicks(4567),
        Prompt = Passage.FromText("Write a haiku."), TextA = Passage.FromText("old pond"), TextB = Passage.FromText("frog jumps in"),
        StyleA = new Dictionary<string, double> { ["length"] = 8, ["header_count"] = 0 },
        StyleB = new Dictionary<string, double> { ["length"] = 12, ["header_count"] = 1 },
        Metadata = new Dictionary<string, string> { ["label"] = "model_b", ["dataset"] = "unit" },
    };

    public static readonly Battle BareBattle = new("x", "y", BattleOutcome.TieBothBad);

    /// <summary>Records compared without their location (which naturally differs after a round trip).</summary>
    public static T WithoutLocation<T>(T record) where T : PreferenceRecord => record with { Location = default };

    /// <summary>Battles compare their style and metadata dictionaries by reference; compare them by content.</summary>
    public static void AssertSame(Battle expected, Battle actual)
    {
        Assert.Equal(expected with { StyleA = null, StyleB = null, Metadata = null, Location = default }, actual with { StyleA = null, StyleB = null, Metadata = null, Location = default });
        Assert.Equal(expected.StyleA?.OrderBy(pair => pair.Key), actual.StyleA?.OrderBy(pair => pair.Key));
        Assert.Equal(expected.StyleB?.OrderBy(pair => pair.Key), actual.StyleB?.OrderBy(pair => pair.Key));
        Assert.Equal(expected.Metadata?.OrderBy(pair => pair.Key), actual.Metadata?.OrderBy(pair => pair.Key));
    }

    public static void AssertSame(PreferencePair expected, PreferencePair actual)
    {
        Assert.Equal(expected with { Metadata = null, Location = default }, actual with { Metadata = null, Location = default });
        Assert.Equal(expected.Metadata?.OrderBy(pair => pair.Key), actual.Metadata?.OrderBy(pair => pair.Key));
    }
}
