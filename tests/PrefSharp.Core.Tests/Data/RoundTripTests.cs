using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>Write with each writer, read back through the auto-detecting reader, get equal records.</summary>
public sealed class RoundTripTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Theory]
    [InlineData("pairs.jsonl")]
    [InlineData("pairs.jsonl.gz")]
    public void Trl_jsonl_keeps_standard_and_conversational_pairs(string name)
    {
        var path = folder.Path(name);
        PreferencePair[] pairs = [SampleRecords.TextPair, SampleRecords.TiedTextPair, SampleRecords.ConversationPair];

        Assert.Equal(3, TrlJsonlWriter.Write(path, pairs));
        var reader = new PreferenceFileReader(path);
        var read = reader.Cast<PreferencePair>().ToList();

        Assert.Equal("trl", reader.Format?.Name);
        for (var i = 0; i < pairs.Length; i++)
        {
            SampleRecords.AssertSame(pairs[i], read[i]);
        }
        Assert.Equal(name.EndsWith(".gz"), File.ReadAllBytes(path)[0] == 0x1F);
    }

    [Fact]
    public void Trl_jsonl_keeps_unpaired_judgements_and_prompts()
    {
        var path = folder.Path("mixed.jsonl");
        PreferenceRecord[] records =
        [
            new UnpairedJudgement(Passage.FromText("Q"), Passage.FromText("A"), false) { AnnotatorId = "r1" },
            new UnpairedJudgement(Passage.FromMessages([new Message("user", "Q")]), Passage.FromMessages([new Message("assistant", "A")]), true),
            new PromptOnly(Passage.FromText("Tell me a story.")) { Source = "unit" },
        ];

        TrlJsonlWriter.Write(path, records);

        Assert.Equal(records, PreferenceFileReader.ReadAll(path).Select(SampleRecords.WithoutLocation));
    }

    [Theory]
    [InlineData(ParquetOutput.DefaultRowGroupSize)]
    [InlineData(2)]
    public void Parquet_keeps_text_pairs_across_row_groups(int rowGroupSize)
    {
        var path = folder.Path("pairs.parquet");
        PreferencePair[] pairs = [SampleRecords.TextPair, SampleRecords.TiedTextPair, SampleRecords.TextPair with { Id = "q2" }];

        PairParquetWriter.Write(path, pairs, rowGroupSize);
        var read = PreferenceFileReader.ReadAll(path).Cast<PreferencePair>().ToList();

        Assert.Equal(3, read.Count);
        for (var i = 0; i < pairs.Length; i++)
        {
            SampleRecords.AssertSame(pairs[i], read[i]);
        }
        Assert.Equal((2, true), (read[2].Location.Line, read[2].Location.IsRecordIndex));
    }

    [Fact]
    public void Parquet_keeps_conversational_pairs_as_lists_of_messages()
    {
        var path = folder.Path("conversations.parquet");

        PairParquetWriter.Write(path, [SampleRecords.ConversationPair, SampleRecords.ConversationPair with { Margin = null }]);

        Assert.Equal([SampleRecords.ConversationPair, SampleRecords.ConversationPair with { Margin = null }],
            PreferenceFileReader.ReadAll(path).Select(SampleRecords.WithoutLocation));
    }

    [Theory]
    [InlineData("battles.jsonl")]
    [InlineData("battles.jsonl.gz")]
    [InlineData("battles.parquet")]
    public void Battles_keep_every_field(string name)
    {
        var path = folder.Path(name);
        Battle[] battles = [SampleRecords.FullBattle, SampleRecords.BareBattle];

        if (name.EndsWith(".parquet"))
        {
            BattleParquetWriter.Write(path, battles);
        }
        else
        {
            BattleJsonlWriter.Write(path, battles);
        }
        var reader = new PreferenceFileReader(path);
        var read = reader.Cast<Battle>().ToList();

        Assert.Equal("battles", reader.Format?.Name);
        SampleRecords.AssertSame(battles[0], read[0]);
        SampleRecords.AssertSame(battles[1], read[1]);
    }

    [Fact]
    public void A_battle_with_texts_converts_to_a_pair_and_back()
    {
        var pair = SampleRecords.FullBattle.ToPreferencePair();

        Assert.Equal(("frog jumps in", "old pond", 0.75, "model-b", "model-a"), (pair.Chosen.Text, pair.Rejected.Text, pair.SoftLabel, pair.ChosenModel, pair.RejectedModel));
        var battle = pair.ToBattle();
        Assert.Equal(("model-b", "model-a", BattleOutcome.A, 0.75), (battle.ItemA, battle.ItemB, battle.Outcome, battle.ScoreA));
        Assert.Throws<DataFormatException>(() => SampleRecords.BareBattle.ToPreferencePair());
    }

    public void Dispose() => folder.Dispose();
}
