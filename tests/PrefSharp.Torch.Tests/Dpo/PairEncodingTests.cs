using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;

namespace PrefSharp.Torch.Tests.Dpo;

/// <summary>Encoding records for a pairwise loss keeps the strict preferences and counts what it leaves out.</summary>
public sealed class PairEncodingTests
{
    private static PreferencePair Pair(string chosen, bool tie = false) =>
        new(Passage.FromText("q?"), Passage.FromText(chosen), Passage.FromText("no")) { IsTie = tie };

    [Fact]
    public void Ties_and_other_records_are_counted_not_dropped_silently()
    {
        PreferenceRecord[] records = [Pair("yes"), Pair("same", tie: true), new Battle("a", "b", BattleOutcome.A), Pair("sure"), Pair("eh", tie: true)];
        var encoded = PairEncoding.EncodeAll(records, new ByteLevelTokenizer(), ChatTemplateKind.Plain, maxLength: 64);
        Assert.Equal(2, encoded.Pairs.Count);
        Assert.Equal(2, encoded.SkippedTies);
        Assert.Equal(1, encoded.SkippedOther);
    }

    [Fact]
    public void Dynamic_beta_pairs_carry_their_reward_margin_and_a_pair_without_one_is_refused_with_its_line()
    {
        var losses = LossList.Parse("dynamic_beta");
        var value = PairValues.For(losses)!;
        Assert.Equal(1.5, value(Pair("yes") with { Margin = 1.5, ScoreChosen = 9, ScoreRejected = 1 }));   // the margin field wins
        Assert.Equal(3.0, value(Pair("yes") with { ScoreChosen = 8, ScoreRejected = 5 }));                 // score_chosen − score_rejected
        var missing = Assert.Throws<DataFormatException>(() => value(Pair("yes") with { Location = new SourceLocation("pairs.jsonl", 7) }));
        Assert.StartsWith("pairs.jsonl:7: margin:", missing.Message);
        var encoded = PairEncoding.EncodeAll([Pair("yes") with { Margin = 2 }], new ByteLevelTokenizer(), ChatTemplateKind.Plain, 64, value);
        Assert.Equal(2.0, encoded.Pairs[0].Weight);
        Assert.Null(PairValues.For(LossList.Parse("sigmoid,sft:0.2")));
    }
}
