using PrefSharp.Core.Metrics;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Core.Tests.Metrics;

/// <summary>Pairwise accuracy, ECE and reliability bins: golden values derived by hand.</summary>
public sealed class RewardModelMetricsTests
{
    [Fact]
    public void Pairwise_accuracy_counts_ties_as_half_overall_and_per_subset()
    {
        // Pairs score 1 (2 > 1), ½ (1 = 1), 0 (0 < 1), 1 (3 > 0): overall 2.5 / 4 = 0.625; a: 1.5 / 2; b: 1 / 2.
        var result = PairwiseAccuracy.Compute([2, 1, 0, 3], [1, 1, 1, 0], ["a", "a", "b", "b"]);
        Assert.Equal(0.625, result.Accuracy);
        Assert.Equal(4, result.Count);
        Assert.Equal(new SubsetAccuracy(0.75, 2), result.Subsets["a"]);
        Assert.Equal(new SubsetAccuracy(0.5, 2), result.Subsets["b"]);
        Assert.Empty(PairwiseAccuracy.Compute([1], [0]).Subsets);
        Assert.Throws<ArgumentException>(() => PairwiseAccuracy.Compute([1, 2], [0]));
    }

    [Fact]
    public void Ece_and_reliability_bins_golden()
    {
        double[] p = [0.05, 0.15, 0.95, 0.85, 0.82];
        bool[] y = [false, true, true, true, false];
        // Bins of width 0.1: b0 {0.05, miss} |0 − 0.05| = 0.05; b1 {0.15, hit} |1 − 0.15| = 0.85;
        // b8 {0.85 hit, 0.82 miss} |0.5 − 0.835| = 0.335 (weight 2); b9 {0.95 hit} 0.05.
        // ECE = (0.05 + 0.85 + 2·0.335 + 0.05) / 5 = 1.62 / 5 = 0.324.
        Assert.Equal(0.324, ExpectedCalibrationError.Compute(p, y), 12);
        var bins = ReliabilityDiagram.Compute(p, y);
        Assert.Equal(10, bins.Count);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 2, 1], bins.Select(b => b.Count));
        Assert.Equal(0.835, bins[8].MeanConfidence, 12);
        Assert.Equal(0.5, bins[8].Frequency);
        Assert.True(double.IsNaN(bins[3].Frequency));
        Assert.Equal(1, ReliabilityDiagram.Compute([1.0], [true])[9].Count);   // p = 1 belongs to the last bin
    }

    [Fact]
    public void Reward_gaps_are_symmetrised()
    {
        // Δ = 0 gives σ = ½ for "chosen wins" (true) and ½ for "rejected wins" (false): one bin, frequency ½, ECE 0.
        Assert.Equal(0.0, ExpectedCalibrationError.FromRewardGaps([0.0]), 12);
        // Δ = log 3: σ = ¾ (true) and ¼ (false): bins 7 and 2, errors ¼ each → ECE ¼.
        Assert.Equal(0.25, ExpectedCalibrationError.FromRewardGaps([Math.Log(3)]), 12);
    }

    [Fact]
    public void Temperature_scaling_recovers_a_known_temperature()
    {
        // Logits z ~ U[−8, 8]; outcomes drawn with P = σ(z / 2.5): the NLL-optimal temperature is 2.5 up to sampling noise.
        var random = new Random(12);
        var logits = Enumerable.Range(0, 20000).Select(_ => random.NextDouble() * 16 - 8).ToArray();
        var outcomes = logits.Select(z => random.NextDouble() < LogisticFunctions.Sigmoid(z / 2.5)).ToArray();
        var temperature = TemperatureScaling.Fit(logits, outcomes);
        Assert.InRange(temperature, 2.35, 2.65);
        // Scaling by the fitted temperature cannot raise the held-out NLL above T = 1's.
        Assert.True(TemperatureScaling.NegativeLogLikelihood(logits, outcomes, temperature)
                    < TemperatureScaling.NegativeLogLikelihood(logits, outcomes, 1.0));
        // Calibrated ECE is small; the overconfident T = 1 ECE is large.
        var gapsAsPairs = logits.Select((z, i) => outcomes[i] ? z : -z).ToArray();
        Assert.True(ExpectedCalibrationError.FromRewardGaps(gapsAsPairs, temperature) < 0.02);
        Assert.True(ExpectedCalibrationError.FromRewardGaps(gapsAsPairs, 1.0) > 0.08);
    }
}
