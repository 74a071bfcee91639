namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>
/// The MaxMin (egalitarian) winner of MaxMin-RLHF (Chakraborty et al. 2024, Eq. 6, after Sen's egalitarian rule):
/// choose the item i* = argmax_i min_k U_k(i), where group k's utility of item i is its mean win probability
/// against the other items under that group's BT model, U_k(i) = mean_{j ≠ i} σ(β_{k,i} − β_{k,j}).
/// Using win probabilities (not raw β) makes utilities comparable across groups, since each group's ratings are
/// identified only up to an additive constant. Ties go to the earlier item.
/// </summary>
public static class MaxMinWinner
{
    /// <summary>The MaxMin winner of a fitted mixture.</summary>
    public static MaxMinChoice Select(BradleyTerryMixtureResult mixture) => Select(mixture.Items, mixture.GroupRatings);

    /// <summary>The MaxMin winner given per-group ratings [group][item].</summary>
    public static MaxMinChoice Select(IReadOnlyList<string> items, double[][] groupRatings)
    {
        if (items.Count == 0 || groupRatings.Length == 0) throw new ArgumentException("Need at least one item and one group.");
        var minimum = new double[items.Count];
        var worst = new int[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            minimum[i] = double.PositiveInfinity;
            for (int k = 0; k < groupRatings.Length; k++)
            {
                double utility = MixtureState.MeanWinProbability(groupRatings[k], i);
                if (utility < minimum[i]) { minimum[i] = utility; worst[i] = k; }
            }
        }
        int winner = 0;
        for (int i = 1; i < items.Count; i++) if (minimum[i] > minimum[winner]) winner = i;
        return new MaxMinChoice(items[winner], minimum[winner], worst[winner], minimum);
    }
}
