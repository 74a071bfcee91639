namespace PrefSharp.Core.Metrics;

/// <summary>
/// Expected calibration error with equal-width bins (Naeini et al. 2015; Guo et al. 2017, Eq. 3):
/// ECE = Σ_b (n_b / N)·|freq(b) − conf(b)|, over the bins of <see cref="ReliabilityDiagram"/>. 0 is perfect
/// calibration. Default M = 10 bins (Guo et al.). For reward models use
/// <see cref="ReliabilityDiagram.FromRewardGaps"/> to get the predictions.
/// </summary>
public static class ExpectedCalibrationError
{
    /// <summary>ECE of predictions of binary events.</summary>
    public static double Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes, int bins = 10)
    {
        if (probabilities.Count == 0) throw new ArgumentException("no predictions", nameof(probabilities));
        var diagram = ReliabilityDiagram.Compute(probabilities, outcomes, bins);
        return diagram.Where(b => b.Count > 0).Sum(b => (double)b.Count / probabilities.Count * Math.Abs(b.Frequency - b.MeanConfidence));
    }

    /// <summary>ECE of a pairwise reward model from its reward gaps Δ = r_c − r_r, both orientations counted.</summary>
    public static double FromRewardGaps(IReadOnlyList<double> gaps, double temperature = 1.0, int bins = 10)
    {
        var (probabilities, outcomes) = ReliabilityDiagram.FromRewardGaps(gaps, temperature);
        return Compute(probabilities, outcomes, bins);
    }
}
