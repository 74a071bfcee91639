namespace PrefSharp.Core.Metrics;

/// <summary>
/// Reliability diagrams (DeGroot and Fienberg 1983; Guo et al. 2017, §2): predicted probabilities of a binary event
/// grouped into equal-width bins of [0, 1]; a calibrated model has observed frequency ≈ mean prediction in every bin.
/// Bin b holds p ∈ [b/M, (b+1)/M), the last bin also p = 1. Default M = 10 bins (Guo et al.'s reliability plots).
/// </summary>
public static class ReliabilityDiagram
{
    /// <summary>The bins of predictions <paramref name="probabilities"/> of events <paramref name="outcomes"/>.</summary>
    public static IReadOnlyList<ReliabilityBin> Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = 10)
    {
        if (bins < 1) throw new ArgumentException($"bins must be ≥ 1, found {bins}", nameof(bins));
        if (probabilities.Count != outcomes.Count)
            throw new ArgumentException($"{probabilities.Count} probabilities for {outcomes.Count} outcomes", nameof(outcomes));
        var count = new int[bins];
        var confidence = new double[bins];
        var hits = new double[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var p = probabilities[i];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"probability {i} is {p}; expected a value in [0, 1]", nameof(probabilities));
            var b = Math.Min((int)(p * bins), bins - 1);
            count[b]++;
            confidence[b] += p;
            if (outcomes[i]) hits[b]++;
        }
        return Enumerable.Range(0, bins).Select(b => new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, count[b],
            count[b] == 0 ? double.NaN : confidence[b] / count[b], count[b] == 0 ? double.NaN : hits[b] / count[b])).ToList();
    }

    /// <summary>
    /// Predictions of a pairwise reward model in both orientations: for each gap Δ = r_c − r_r, the prediction
    /// σ(Δ) of the event "the chosen one wins" (true) and 1 − σ(Δ) of "the rejected one wins" (false). The
    /// symmetrised set makes the diagram and the ECE independent of which response a file lists first.
    /// </summary>
    public static (double[] Probabilities, bool[] Outcomes) FromRewardGaps(IReadOnlyList<double> gaps, double temperature = 1.0)
    {
        if (!(temperature > 0)) throw new ArgumentException($"temperature must be > 0, found {temperature}", nameof(temperature));
        var probabilities = new double[2 * gaps.Count];
        var outcomes = new bool[2 * gaps.Count];
        for (var i = 0; i < gaps.Count; i++)
        {
            var p = Ranking.LogisticFunctions.Sigmoid(gaps[i] / temperature);
            (probabilities[2 * i], outcomes[2 * i]) = (p, true);
            (probabilities[2 * i + 1], outcomes[2 * i + 1]) = (1 - p, false);
        }
        return (probabilities, outcomes);
    }
}
