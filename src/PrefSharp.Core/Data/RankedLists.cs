namespace PrefSharp.Core.Data;

/// <summary>
/// k-way lists from preference records, for listwise reward models:
/// <list type="bullet">
/// <item>an <see cref="ItemRanking"/> whose items carry text: labels are its <c>Scores</c>; else minus the position in its
/// <c>Order</c> (items a partial order leaves out are dropped); else the Copeland score of its pairwise labels (wins +
/// ½ ties);</item>
/// <item><see cref="PreferencePair"/>s (and battles with texts) that share a prompt, UltraFeedback-style: the distinct
/// completions, labelled by their mean rating when every pair has <c>score_chosen</c>/<c>score_rejected</c>, else by
/// their Copeland score over the pairs.</item>
/// </list>
/// Responses are sorted by label, best first (equal labels keep their first-seen order); lists of fewer than two
/// distinct responses are left out.
/// </summary>
public static class RankedLists
{
    /// <summary>The lists of <paramref name="records"/>, rankings first, then pair groups in first-seen prompt order.</summary>
    public static List<RankedList> From(IEnumerable<PreferenceRecord> records)
    {
        var lists = new List<RankedList>();
        var groups = new Dictionary<string, List<PreferencePair>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in records)
        {
            var pair = record switch
            {
                PreferencePair p => p,
                Battle { TextA: { } a, TextB: { } b } battle when !a.Equals(b) && !a.IsEmpty && !b.IsEmpty => battle.ToPreferencePair(),
                _ => null,
            };
            if (record is ItemRanking ranking && FromRanking(ranking) is { } list) lists.Add(list);
            if (pair is null) continue;
            var key = pair.Prompt.ToPlainText();
            if (!groups.TryGetValue(key, out var members)) groups[key] = members = [];
            if (members.Count == 0) order.Add(key);
            members.Add(pair);
        }
        foreach (var key in order) if (FromPairs(groups[key]) is { } list) lists.Add(list);
        return lists;
    }

    private static RankedList? FromRanking(ItemRanking ranking)
    {
        if (ranking.Items.Any(i => i.Text is null)) return null;
        var items = ranking.Items.Select(i => i.Text!).ToList();
        if (ranking.Scores is { } scores && scores.Count == items.Count) return Sorted(ranking.Prompt ?? Passage.Empty, items, scores);
        if (ranking.Order is { Count: >= 2 } ranked)
            return Sorted(ranking.Prompt ?? Passage.Empty, ranked.Select(i => items[i]).ToList(), ranked.Select((_, p) => -(double)p).ToList());
        if (ranking.PairwiseLabels is { Count: > 0 } labels)
        {
            var copeland = new double[items.Count];
            foreach (var label in labels)
            {
                var first = label.Outcome switch { BattleOutcome.A => 1.0, BattleOutcome.B => 0.0, _ => 0.5 };
                copeland[label.First] += first;
                copeland[label.Second] += 1 - first;
            }
            return Sorted(ranking.Prompt ?? Passage.Empty, items, copeland);
        }
        return null;
    }

    private static RankedList? FromPairs(IReadOnlyList<PreferencePair> pairs)
    {
        var texts = new List<Passage>();
        int Index(Passage text)
        {
            var i = texts.IndexOf(text);
            if (i >= 0) return i;
            texts.Add(text);
            return texts.Count - 1;
        }
        var rated = pairs.All(p => p.ScoreChosen is not null && p.ScoreRejected is not null);
        var sums = new Dictionary<int, (double Sum, int Count)>();
        void Add(int i, double value) => sums[i] = sums.TryGetValue(i, out var s) ? (s.Sum + value, s.Count + 1) : (value, 1);
        foreach (var pair in pairs)
        {
            var (c, r) = (Index(pair.Chosen), Index(pair.Rejected));
            var chosenWins = pair.IsTie ? 0.5 : pair.SoftLabel ?? 1.0;
            Add(c, rated ? pair.ScoreChosen!.Value : chosenWins);
            Add(r, rated ? pair.ScoreRejected!.Value : 1 - chosenWins);
        }
        var labels = Enumerable.Range(0, texts.Count).Select(i => rated ? sums[i].Sum / sums[i].Count : sums[i].Sum).ToList();
        return Sorted(pairs[0].Prompt, texts, labels);
    }

    private static RankedList? Sorted(Passage prompt, IReadOnlyList<Passage> responses, IReadOnlyList<double> labels)
    {
        var distinct = responses.Select((text, i) => (Text: text, Label: labels[i], Index: i))
            .GroupBy(x => x.Text).Select(g => g.First()).ToList();
        if (distinct.Count < 2) return null;
        var sorted = distinct.OrderByDescending(x => x.Label).ThenBy(x => x.Index).ToList();
        return new RankedList(prompt, sorted.Select(x => x.Text).ToList(), sorted.Select(x => x.Label).ToList());
    }
}
