using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Rankings and choices as sequences of choices from shrinking sets, the data of the Plackett–Luce model
/// (Luce 1959; Plackett 1975). An observation lists its items — the ranked ones best first, then the unranked
/// rest — and a number of choice stages: a full ranking of m items has m − 1 stages, a top-k ranking k stages
/// (the rest is only known to be below), a top-1 choice from a set one stage. Each observation has a weight.
/// </summary>
public sealed class ChoiceData
{
    private readonly List<int[]> _sets = [];
    private readonly List<int> _stages = [];
    private readonly List<double> _weights = [];

    public ChoiceData(ItemIndex? items = null) => Items = items ?? new ItemIndex();

    public ItemIndex Items { get; }

    public int Count => _sets.Count;

    internal IReadOnlyList<int[]> Sets => _sets;
    internal IReadOnlyList<int> Stages => _stages;
    internal IReadOnlyList<double> Weights => _weights;

    /// <summary>A full ranking, best first.</summary>
    public ChoiceData AddRanking(IReadOnlyList<string> bestFirst, double weight = 1) => AddPartialRanking(bestFirst, [], weight);

    /// <summary>A top-k ranking (best first) above a set of unranked items.</summary>
    public ChoiceData AddPartialRanking(IReadOnlyList<string> topBestFirst, IReadOnlyList<string> unranked, double weight = 1)
    {
        int stages = unranked.Count == 0 ? topBestFirst.Count - 1 : topBestFirst.Count;
        return Add([.. topBestFirst, .. unranked], stages, weight);
    }

    /// <summary>One item chosen from a set (the chosen one and its alternatives).</summary>
    public ChoiceData AddChoice(string chosen, IReadOnlyList<string> alternatives, double weight = 1) =>
        Add([chosen, .. alternatives], 1, weight);

    /// <summary>
    /// Rankings read by the data layer: <see cref="ItemRanking.Order"/> (best first, possibly partial) over
    /// <see cref="ItemRanking.Items"/>, or else descending <see cref="ItemRanking.Scores"/> (equal scores are an error).
    /// </summary>
    public static ChoiceData FromRankings(IEnumerable<ItemRanking> rankings, ItemIndex? items = null)
    {
        var data = new ChoiceData(items);
        int position = 0;
        foreach (ItemRanking ranking in rankings)
        {
            IReadOnlyList<int> order = ranking.Order ?? OrderFromScores(ranking, position);
            var top = order.Select(k => ranking.Items[k].Name).ToList();
            var rest = Enumerable.Range(0, ranking.Items.Count).Except(order).Select(k => ranking.Items[k].Name).ToList();
            data.AddPartialRanking(top, rest);
            position++;
        }
        if (position == 0) throw new ArgumentException("No rankings: at least one is required.", nameof(rankings));
        return data;
    }

    /// <summary>Whether each item appears in an observation of positive weight.</summary>
    internal bool[] Appearing()
    {
        var appears = new bool[Items.Count];
        for (int obs = 0; obs < Count; obs++)
            if (_weights[obs] > 0)
                foreach (int item in _sets[obs]) appears[item] = true;
        return appears;
    }

    /// <summary>A bootstrap resample: Count observations drawn with replacement, over a copy of the same item index.</summary>
    public ChoiceData Resample(Random random)
    {
        var resample = new ChoiceData(new ItemIndex(Items.Names));
        for (int k = 0; k < Count; k++)
        {
            int pick = random.Next(Count);
            resample._sets.Add(_sets[pick]);
            resample._stages.Add(_stages[pick]);
            resample._weights.Add(_weights[pick]);
        }
        return resample;
    }

    private ChoiceData Add(IReadOnlyList<string> names, int stages, double weight)
    {
        if (names.Count < 2) throw new ArgumentException($"observation {Count}: a ranking or choice needs at least two items.", nameof(names));
        if (!(weight >= 0) || double.IsInfinity(weight)) throw new ArgumentException($"observation {Count}: weight {weight} is not finite and ≥ 0.", nameof(weight));
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"observation {Count}: item '{duplicate.Key}' appears twice (an item compared against itself).", nameof(names));
        _sets.Add([.. names.Select(Items.GetOrAdd)]);
        _stages.Add(stages);
        _weights.Add(weight);
        return this;
    }

    private static int[] OrderFromScores(ItemRanking ranking, int position)
    {
        if (ranking.Scores is null) throw new ArgumentException($"ranking {position}: neither an order nor scores are given.", "rankings");
        var order = Enumerable.Range(0, ranking.Items.Count).OrderByDescending(k => ranking.Scores[k]).ToArray();
        for (int k = 1; k < order.Length; k++)
            if (ranking.Scores[order[k]] == ranking.Scores[order[k - 1]])
                throw new ArgumentException($"ranking {position}: equal scores do not define an order (Plackett–Luce has no ties).", "rankings");
        return order;
    }
}
