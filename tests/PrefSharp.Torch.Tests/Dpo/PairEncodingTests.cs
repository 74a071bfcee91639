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
}
