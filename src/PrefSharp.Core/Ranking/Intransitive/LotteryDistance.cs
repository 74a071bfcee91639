namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// How far a mixed strategy p over items is from the maximal lottery of a skew-symmetric margin matrix M
/// (<see cref="MaximalLottery"/>; the minimax winner that SPO, Swamy et al. 2024, Eq. 3, and Nash-MD, Munos et al.
/// 2024, Sec. 3, approach).
/// </summary>
public static class LotteryDistance
{
    /// <summary>
    /// Exploitability, the duality gap of the symmetric zero-sum game: max(0, −min_j Σ_i p_i M_ij), the expected margin
    /// by which the best pure response beats p. It is 0 exactly when p is a maximal lottery.
    /// </summary>
    public static double Exploitability(IReadOnlyList<double> p, double[][] margin)
    {
        if (margin.Length != p.Count) throw new ArgumentException($"the margin matrix has {margin.Length} rows for {p.Count} probabilities", nameof(margin));
        var worst = double.PositiveInfinity;
        for (var j = 0; j < p.Count; j++)
        {
            double value = 0;
            for (var i = 0; i < p.Count; i++) value += p[i] * margin[i][j];
            worst = Math.Min(worst, value);
        }
        return Math.Max(0, -worst);
    }

    /// <summary>Total variation ½ Σ_i |p_i − q_i| between two distributions over the same items.</summary>
    public static double TotalVariation(IReadOnlyList<double> p, IReadOnlyList<double> q)
    {
        if (p.Count != q.Count) throw new ArgumentException($"{p.Count} and {q.Count} probabilities: the distributions must cover the same items", nameof(q));
        return 0.5 * p.Zip(q, (a, b) => Math.Abs(a - b)).Sum();
    }
}
