using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Intransitive;

/// <summary>
/// General Preference Model at item level (Zhang et al. 2024, "Beyond Bradley–Terry: General Preference Modeling",
/// Eq. 4–5): each item has an embedding v_i ∈ ℝ^{2k} and P(i ≻ j) = σ(⟨R v_i, v_j⟩) with R skew-symmetric and
/// block-diagonal, blocks [[0, 1], [−1, 0]]. The score is antisymmetric, so P(i ≻ j) + P(j ≻ i) = 1, and it can
/// express cycles that no scalar rating can. With y_i ≡ 1 in one block, ⟨R v_i, v_j⟩ = x_j − x_i: BT is the special case.
/// Fitted by maximum likelihood (full-batch Adam, Kingma and Ba 2015) on pair-aggregated soft scores, starting
/// from the BT solution (x_i = −β_i, y_i = 1) plus noise, so the gain over BT is (up to optimisation error) ≥ 0.
/// </summary>
public static class GeneralPreferenceModel
{
    /// <summary>⟨R u, v⟩ for the block-diagonal R: Σ_l (u_{2l+1} v_{2l} − u_{2l} v_{2l+1}).</summary>
    public static double Score(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double z = 0;
        for (int l = 0; l + 1 < u.Length; l += 2) z += u[l + 1] * v[l] - u[l] * v[l + 1];
        return z;
    }

    /// <summary>Fits the GPM to battles.</summary>
    public static GeneralPreferenceFit Fit(IReadOnlyList<Battle> battles, GeneralPreferenceOptions? options = null) =>
        Fit(IndexedBattles.From(battles), options);

    /// <summary>Fits the GPM to indexed battles.</summary>
    public static GeneralPreferenceFit Fit(IndexedBattles battles, GeneralPreferenceOptions? options = null)
    {
        options ??= new GeneralPreferenceOptions();
        if (options.Dimension < 2 || options.Dimension % 2 != 0) throw new ArgumentException("Dimension must be even and ≥ 2.", nameof(options));
        int n = battles.Items.Count, d = options.Dimension;
        var pairs = PairTotals.From(battles);
        var bt = BradleyTerry.FitIndexed(battles);
        var random = new Random(options.Seed);
        var v = new double[n][];
        for (int i = 0; i < n; i++)
        {
            v[i] = new double[d];
            for (int c = 0; c < d; c++) v[i][c] = options.InitialNoise * (random.NextDouble() - 0.5);
            v[i][0] -= bt.Ratings[i];
            v[i][1] += 1.0;
        }
        var adam = new AdamState(n * d, options.LearningRate);
        var gradient = new double[n][];
        for (int i = 0; i < n; i++) gradient[i] = new double[d];
        for (int step = 0; step < options.Iterations; step++)
        {
            foreach (var g in gradient) Array.Clear(g);
            foreach (var pair in pairs)
            {
                double z = Score(v[pair.I], v[pair.J]);
                double dz = pair.Weight * LogisticFunctions.Sigmoid(z) - pair.ScoreI; // ∂(−log L)/∂z
                for (int l = 0; l + 1 < d; l += 2)
                {
                    gradient[pair.I][l] += dz * -v[pair.J][l + 1];
                    gradient[pair.I][l + 1] += dz * v[pair.J][l];
                    gradient[pair.J][l] += dz * v[pair.I][l + 1];
                    gradient[pair.J][l + 1] += dz * -v[pair.I][l];
                }
            }
            for (int i = 0; i < n; i++) for (int c = 0; c < d; c++) gradient[i][c] += options.L2Penalty * v[i][c];
            adam.Step(v, gradient);
        }
        double logLikelihood = 0;
        foreach (var pair in pairs)
        {
            double z = Score(v[pair.I], v[pair.J]);
            logLikelihood += pair.ScoreI * LogisticFunctions.LogSigmoid(z) + (pair.Weight - pair.ScoreI) * LogisticFunctions.LogSigmoid(-z);
        }
        return new GeneralPreferenceFit(battles.Items, v, logLikelihood, bt.LogLikelihood, logLikelihood - bt.LogLikelihood,
            bt.Ratings, options.Iterations);
    }
}
