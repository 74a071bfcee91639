using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// Style-controlled Bradley–Terry (Chatbot Arena, "Does style matter? Disentangling style and substance in Chatbot
/// Arena", LMSYS blog, Aug 2024; the contextual BT of Li et al. 2024, "Dissecting human and LLM preferences"):
/// logit P(A ≻ B) = ln(10)·(β_A − β_B) + Σ_f γ_f·z_f, with z the z-scored normalised style differences of
/// <see cref="StyleFeatureEncoder"/>. β and γ are fitted jointly by L2-penalised maximum likelihood (ties count
/// as half a win, as in FastChat's duplicated-battle design); the leaderboard reports 400·β + 1000 (optionally
/// anchored), i.e. ratings with the style effect removed, beside the uncontrolled BT ratings.
/// </summary>
public static class StyleControlledBradleyTerry
{
    /// <summary>Fits style-controlled and plain BT to <paramref name="battles"/>.</summary>
    public static StyleControlResult Fit(IReadOnlyList<Battle> battles, StyleControlOptions? options = null)
    {
        options ??= new StyleControlOptions();
        var indexed = IndexedBattles.From(battles);
        var encoding = StyleFeatureEncoder.Encode(battles, options);
        int items = indexed.Items.Count, k = options.Features.Count;
        double logBase = Math.Log(options.Base);
        var controlledRows = new List<LogisticObservation>(indexed.Count);
        var plainRows = new List<LogisticObservation>(indexed.Count);
        for (int row = 0; row < indexed.Count; row++)
        {
            int a = indexed.ItemA[row], b = indexed.ItemB[row];
            if (a == b || indexed.Weight[row] <= 0) continue;
            var indices = new int[2 + k];
            var values = new double[2 + k];
            indices[0] = a; values[0] = logBase;
            indices[1] = b; values[1] = -logBase;
            for (int f = 0; f < k; f++) { indices[2 + f] = items + f; values[2 + f] = encoding.Covariates[row][f]; }
            controlledRows.Add(new LogisticObservation(indices, values, indexed.ScoreA[row], indexed.Weight[row]));
            plainRows.Add(LogisticObservation.Pairwise(a, b, indexed.ScoreA[row], indexed.Weight[row], logBase));
        }
        var penalty = new LogisticRegressionOptions { L2Penalty = options.L2Penalty };
        var controlled = WeightedLogisticRegression.Fit(items + k, controlledRows, penalty);
        var plain = WeightedLogisticRegression.Fit(items, plainRows, penalty);
        var controlledElo = ToElo(controlled.Coefficients.AsSpan(0, items), indexed.Items, options);
        var plainElo = ToElo(plain.Coefficients, indexed.Items, options);
        var controlledRank = Ranks(controlledElo);
        var plainRank = Ranks(plainElo);
        var ratings = Enumerable.Range(0, items)
            .Select(i => new StyleControlledRating(indexed.Items[i], controlledElo[i], controlledRank[i], plainElo[i], plainRank[i]))
            .OrderBy(r => r.Rank).ToList();
        var coefficients = Enumerable.Range(0, k)
            .Select(f => new StyleCoefficient(options.Features[f], controlled.Coefficients[items + f], encoding.Mean[f], encoding.StandardDeviation[f]))
            .ToList();
        return new StyleControlResult(ratings, coefficients, controlled.LogLikelihood, plain.LogLikelihood, controlledRows.Count);
    }

    private static double[] ToElo(ReadOnlySpan<double> beta, IReadOnlyList<string> items, StyleControlOptions options)
    {
        var elo = new double[beta.Length];
        for (int i = 0; i < beta.Length; i++) elo[i] = options.Scale * beta[i] + options.InitialRating;
        int anchor = options.AnchorItem is null ? -1 : IndexOf(items, options.AnchorItem);
        if (anchor >= 0)
        {
            double shift = options.AnchorRating - elo[anchor];
            for (int i = 0; i < elo.Length; i++) elo[i] += shift;
        }
        return elo;
    }

    private static int IndexOf(IReadOnlyList<string> items, string name)
    {
        for (int i = 0; i < items.Count; i++) if (items[i] == name) return i;
        return -1;
    }

    /// <summary>Competition ranks (1 = best) by descending rating.</summary>
    private static int[] Ranks(double[] ratings)
    {
        var ranks = new int[ratings.Length];
        for (int i = 0; i < ratings.Length; i++)
        {
            ranks[i] = 1;
            for (int j = 0; j < ratings.Length; j++) if (ratings[j] > ratings[i]) ranks[i]++;
        }
        return ranks;
    }
}
