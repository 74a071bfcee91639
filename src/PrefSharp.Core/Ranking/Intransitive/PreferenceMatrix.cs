using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// The empirical pairwise preference matrix: Probability[i][j] = (weighted score of i against j) / (weighted count of i vs j),
/// ties counting ½, position (A/B) ignored. Pairs never compared get 0.5 and Count 0. Jagged arrays so that
/// System.Text.Json can write it.
/// </summary>
/// <param name="Items">Item names, the row/column order.</param>
/// <param name="Probability">P̂(i ≻ j); Probability[i][j] + Probability[j][i] = 1 where compared; diagonal 0.5.</param>
/// <param name="Count">Total weight of comparisons between i and j (symmetric).</param>
public sealed record PreferenceMatrix(IReadOnlyList<string> Items, double[][] Probability, double[][] Count)
{
    /// <summary>Skew-symmetric margin M = P − Pᵀ (0 where a pair was never compared).</summary>
    public double[][] Margin()
    {
        int n = Items.Count;
        var margin = new double[n][];
        for (int i = 0; i < n; i++)
        {
            margin[i] = new double[n];
            for (int j = 0; j < n; j++) margin[i][j] = Count[i][j] > 0 ? Probability[i][j] - Probability[j][i] : 0;
        }
        return margin;
    }

    /// <summary>Builds the matrix from battles.</summary>
    public static PreferenceMatrix FromBattles(IReadOnlyList<Battle> battles) => FromIndexed(IndexedBattles.From(battles));

    /// <summary>Builds the matrix from indexed battles.</summary>
    public static PreferenceMatrix FromIndexed(IndexedBattles battles)
    {
        int n = battles.Items.Count;
        var wins = NewSquare(n);
        var count = NewSquare(n);
        for (int k = 0; k < battles.Count; k++)
        {
            int a = battles.ItemA[k], b = battles.ItemB[k];
            if (a == b) continue;
            double w = battles.Weight[k];
            wins[a][b] += w * battles.ScoreA[k];
            wins[b][a] += w * (1 - battles.ScoreA[k]);
            count[a][b] += w;
            count[b][a] += w;
        }
        var probability = NewSquare(n);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                probability[i][j] = count[i][j] > 0 ? wins[i][j] / count[i][j] : 0.5;
        return new PreferenceMatrix(battles.Items, probability, count);
    }

    /// <summary>Builds a matrix directly from probabilities (every off-diagonal pair counted once).</summary>
    public static PreferenceMatrix FromProbabilities(IReadOnlyList<string> items, double[][] probability)
    {
        int n = items.Count;
        var count = NewSquare(n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) count[i][j] = i == j ? 0 : 1;
        return new PreferenceMatrix(items, probability, count);
    }

    private static double[][] NewSquare(int n)
    {
        var m = new double[n][];
        for (int i = 0; i < n; i++) m[i] = new double[n];
        return m;
    }
}
