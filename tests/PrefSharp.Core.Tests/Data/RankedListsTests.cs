using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>k-way lists for listwise reward models, from rankings and from pairs that share a prompt.</summary>
public sealed class RankedListsTests
{
    private static Passage T(string text) => Passage.FromText(text);

    [Fact]
    public void Rated_pairs_sharing_a_prompt_become_one_list_ordered_by_mean_rating()
    {
        // UltraFeedback-style: a (9) vs b (7), a (8) vs c (5), b (6) vs c (4) → means a 8.5, b 6.5, c 4.5.
        var records = new PreferenceRecord[]
        {
            new PreferencePair(T("q"), T("a"), T("b")) { ScoreChosen = 9, ScoreRejected = 7 },
            new PreferencePair(T("q"), T("a"), T("c")) { ScoreChosen = 8, ScoreRejected = 5 },
            new PreferencePair(T("q"), T("b"), T("c")) { ScoreChosen = 6, ScoreRejected = 4 },
            new PreferencePair(T("other"), T("x"), T("y")),
        };
        var lists = RankedLists.From(records);
        Assert.Equal(2, lists.Count);
        Assert.Equal(["a", "b", "c"], lists[0].Responses.Select(r => r.ToPlainText()));
        Assert.Equal([8.5, 6.5, 4.5], lists[0].Labels);
        // An unrated pair: Copeland scores, chosen 1, rejected 0.
        Assert.Equal(["x", "y"], lists[1].Responses.Select(r => r.ToPlainText()));
        Assert.Equal([1.0, 0.0], lists[1].Labels);
    }

    [Fact]
    public void Rankings_use_scores_then_order_then_copeland_scores_of_pairwise_labels()
    {
        RankedItem[] items = [new("p1", T("one")), new("p2", T("two")), new("p3", T("three"))];
        var scored = new ItemRanking(items) { Prompt = T("q"), Scores = [0.1, 0.9, 0.5] };
        var ordered = new ItemRanking(items) { Prompt = T("q"), Order = [2, 0] };   // partial: "two" is dropped
        // (1,2): 2 wins, (1,3): tie, (2,3): 2 wins → Copeland: one 0.5, two 2, three 0.5 (first-seen order breaks the tie).
        var labelled = new ItemRanking(items)
        {
            Prompt = T("q"),
            PairwiseLabels = [new PairwiseLabel(0, 1, BattleOutcome.B), new PairwiseLabel(0, 2, BattleOutcome.Tie), new PairwiseLabel(1, 2, BattleOutcome.A)],
        };
        var lists = RankedLists.From([scored, ordered, labelled]);
        Assert.Equal(["two", "three", "one"], lists[0].Responses.Select(r => r.ToPlainText()));
        Assert.Equal([0.9, 0.5, 0.1], lists[0].Labels);
        Assert.Equal(["three", "one"], lists[1].Responses.Select(r => r.ToPlainText()));
        Assert.Equal([0.0, -1.0], lists[1].Labels);
        Assert.Equal(["two", "one", "three"], lists[2].Responses.Select(r => r.ToPlainText()));
        Assert.Equal([2.0, 0.5, 0.5], lists[2].Labels);
    }
}
