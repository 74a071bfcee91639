namespace PrefSharp.Core.Ranking.Active;

/// <summary>Distances between two rankings given as score vectors over the same items.</summary>
public static class RankingDistance
{
    /// <summary>
    /// Kendall τ distance (Kendall 1938): the number of item pairs ordered oppositely by the two score vectors; a pair tied in
    /// exactly one of them counts ½. 0 for identical orders, n(n − 1)/2 for reversed ones.
    /// </summary>
    public static double KendallTauDistance(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB)
    {
        if (scoresA.Count != scoresB.Count) throw new ArgumentException("Score vectors differ in length.");
        double distance = 0;
        for (int i = 0; i < scoresA.Count; i++)
            for (int j = i + 1; j < scoresA.Count; j++)
            {
                int a = Math.Sign(scoresA[i] - scoresA[j]), b = Math.Sign(scoresB[i] - scoresB[j]);
                if (a * b < 0) distance += 1;
                else if (a != b) distance += 0.5;
            }
        return distance;
    }

    /// <summary>Kendall's τ ∈ [−1, 1] between two score vectors over the same n ≥ 2 items: 1 − 2·d / (n(n − 1)/2), d = <see cref="KendallTauDistance"/>.</summary>
    public static double KendallTau(IReadOnlyList<double> scoresA, IReadOnlyList<double> scoresB)
    {
        if (scoresA.Count < 2) throw new ArgumentException($"Kendall's τ needs at least 2 items (got {scoresA.Count}).");
        return 1 - 2 * KendallTauDistance(scoresA, scoresB) / (scoresA.Count * (scoresA.Count - 1) / 2.0);
    }
}
