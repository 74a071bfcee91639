using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking.Style;

/// <summary>
/// Style covariates of Chatbot Arena's style control ("Does style matter?", LMSYS blog, Aug 2024; FastChat
/// <c>construct_style_matrices</c>): for each feature f, d = (f_A − f_B)/(f_A + f_B + 1) for ratio features
/// (else f_A − f_B), then z-scored over the battles with the population standard deviation (numpy <c>np.std</c>).
/// A feature with zero spread encodes as 0.
/// </summary>
public static class StyleFeatureEncoder
{
    /// <summary>The encoded covariates (rows: battles, columns: features) and each feature's mean and standard deviation.</summary>
    public sealed record Encoding(double[][] Covariates, double[] Mean, double[] StandardDeviation);

    /// <summary>Encodes the style differences of <paramref name="battles"/>; throws naming the battle when a feature is missing.</summary>
    public static Encoding Encode(IReadOnlyList<Battle> battles, StyleControlOptions options)
    {
        int n = battles.Count, k = options.Features.Count;
        var raw = new double[n][];
        for (int row = 0; row < n; row++)
        {
            var battle = battles[row];
            raw[row] = new double[k];
            for (int f = 0; f < k; f++)
            {
                string name = options.Features[f];
                double a = Read(battle.StyleA, name, row, "StyleA"), b = Read(battle.StyleB, name, row, "StyleB");
                bool ratio = options.RatioFeatures is null || options.RatioFeatures.Contains(name);
                raw[row][f] = ratio ? (a - b) / (a + b + 1) : a - b;
            }
        }
        var mean = new double[k];
        var deviation = new double[k];
        for (int f = 0; f < k; f++)
        {
            double sum = 0, sumSquares = 0;
            for (int row = 0; row < n; row++) sum += raw[row][f];
            mean[f] = n > 0 ? sum / n : 0;
            for (int row = 0; row < n; row++) sumSquares += (raw[row][f] - mean[f]) * (raw[row][f] - mean[f]);
            deviation[f] = n > 0 ? Math.Sqrt(sumSquares / n) : 0;
            for (int row = 0; row < n; row++)
                raw[row][f] = deviation[f] > 0 ? (raw[row][f] - mean[f]) / deviation[f] : 0;
        }
        return new Encoding(raw, mean, deviation);
    }

    private static double Read(IReadOnlyDictionary<string, double>? style, string name, int row, string side)
    {
        if (style is null || !style.TryGetValue(name, out double value))
            throw new ArgumentException($"battle {row}: {side} lacks style feature '{name}', expected a number for every battle.");
        return value;
    }
}
