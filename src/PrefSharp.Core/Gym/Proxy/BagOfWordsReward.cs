using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Gym.Proxy;

/// <summary>
/// A deliberately naive proxy reward: r(y) = θ·φ(y), where φ counts the response's words ("w:bread") and characters
/// ("c:b"), fitted as a Bradley–Terry reward model (Christiano et al. 2017; Ouyang et al. 2022, Eq. 1):
/// minimise −Σ [ s·log σ(r(y_c) − r(y_r)) + (1 − s)·log σ(r(y_r) − r(y_c)) ] / N + ½λ‖θ‖², with s = 1 for a
/// preference and ½ for a tie, by full-batch gradient descent. Counts are linear, so the proxy keeps paying for every
/// repetition of a good word: the gym's stand-in for a learned reward model that can be over-optimised.
/// Pure C#, deterministic.
/// </summary>
public sealed class BagOfWordsReward
{
    private readonly Dictionary<string, double> weights;

    private BagOfWordsReward(Dictionary<string, double> weights) => this.weights = weights;

    /// <summary>The fitted weight of a feature ("w:word" or "c:x"); 0 for a feature never seen.</summary>
    public double Weight(string feature) => weights.GetValueOrDefault(feature);

    /// <summary>r(y); the prompt is not a feature (the gym's prompts are shared by all responses being compared).</summary>
    public double Score(string response) => Features(response).Sum(f => f.Value * Weight(f.Key));

    /// <summary>Fits on (chosen, rejected, isTie) triples; <paramref name="l2"/> is λ, <paramref name="steps"/> gradient steps of size <paramref name="learningRate"/>.</summary>
    public static BagOfWordsReward Fit(IReadOnlyList<(string Chosen, string Rejected, bool IsTie)> pairs, double l2 = 1e-3, int steps = 400, double learningRate = 0.5)
    {
        if (pairs.Count == 0) throw new ArgumentException("pairs: at least one labelled pair is needed to fit a proxy reward", nameof(pairs));
        if (!(l2 >= 0)) throw new ArgumentException($"l2 must be ≥ 0 (got {l2})", nameof(l2));
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var differences = pairs.Select(p => Difference(Features(p.Chosen), Features(p.Rejected), index)).ToArray();
        var targets = pairs.Select(p => p.IsTie ? 0.5 : 1.0).ToArray();
        var theta = new double[index.Count];
        var gradient = new double[index.Count];
        for (var step = 0; step < steps; step++)
        {
            Array.Clear(gradient);
            for (var k = 0; k < differences.Length; k++)
            {
                var margin = 0.0;
                foreach (var (feature, value) in differences[k]) margin += theta[feature] * value;
                var residual = LogisticFunctions.Sigmoid(margin) - targets[k]; // d(loss)/d(margin)
                foreach (var (feature, value) in differences[k]) gradient[feature] += residual * value / differences.Length;
            }
            for (var f = 0; f < theta.Length; f++) theta[f] -= learningRate * (gradient[f] + l2 * theta[f]);
        }
        return new BagOfWordsReward(index.ToDictionary(e => e.Key, e => theta[e.Value]));
    }

    /// <summary>Word counts ("w:…") and character counts ("c:…", whitespace excluded).</summary>
    public static Dictionary<string, int> Features(string response)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in ResponseTokens.Words(response)) counts["w:" + word] = counts.GetValueOrDefault("w:" + word) + 1;
        foreach (var ch in (response ?? "").Where(c => !char.IsWhiteSpace(c))) counts["c:" + ch] = counts.GetValueOrDefault("c:" + ch) + 1;
        return counts;
    }

    private static (int, double)[] Difference(Dictionary<string, int> chosen, Dictionary<string, int> rejected, Dictionary<string, int> index)
    {
        var difference = new Dictionary<int, double>();
        void Add(Dictionary<string, int> counts, double sign)
        {
            foreach (var (feature, count) in counts)
            {
                if (!index.TryGetValue(feature, out var i)) index[feature] = i = index.Count;
                difference[i] = difference.GetValueOrDefault(i) + sign * count;
            }
        }
        Add(chosen, 1);
        Add(rejected, -1);
        return difference.Where(d => d.Value != 0).Select(d => (d.Key, d.Value)).ToArray();
    }
}
