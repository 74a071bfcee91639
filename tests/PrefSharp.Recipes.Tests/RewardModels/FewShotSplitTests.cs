using PrefSharp.Core.Data;
using PrefSharp.Recipes.RewardModels;

namespace PrefSharp.Recipes.Tests.RewardModels;

/// <summary>The per-annotator support/query split of eval-rm --few-shot.</summary>
public class FewShotSplitTests
{
    private static PreferencePair Pair(string annotator, string chosen) =>
        new(Passage.FromText("p"), Passage.FromText(chosen), Passage.FromText("x")) { AnnotatorId = annotator };

    [Fact]
    public void Each_annotators_first_k_pairs_are_support_and_the_rest_query()
    {
        List<PreferencePair> pairs = [Pair("u", "1"), Pair("v", "1"), Pair("u", "2"), Pair("u", "3"), Pair("v", "2"), Pair("w", "1")];
        var split = FewShotSplit.Split(pairs, 1);
        // u: support [1], query [2, 3]; v: support [1], query [2]; w has no pair beyond its first and is left out.
        Assert.Equal(["u", "v"], split.Select(s => s.User));
        Assert.Equal(["1"], split[0].Support.Select(p => p.Chosen.ToPlainText()));
        Assert.Equal(["2", "3"], split[0].Query.Select(p => p.Chosen.ToPlainText()));
        Assert.Equal(["2"], split[1].Query.Select(p => p.Chosen.ToPlainText()));
        Assert.Equal(3, FewShotSplit.Queries(pairs, 1).Count);
        Assert.Throws<ArgumentException>(() => FewShotSplit.Split(pairs, 0));
    }
}
