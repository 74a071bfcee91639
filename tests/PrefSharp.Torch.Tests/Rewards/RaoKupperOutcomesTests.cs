using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Three-outcome evaluation of a Rao–Kupper reward model, and what evaluation does with ties for other models.</summary>
public sealed class RaoKupperOutcomesTests
{
    [Fact]
    public void Golden_values_for_four_gaps_with_theta_three()
    {
        // η = ln 3, so θ = e^η = 3. With π = e^Δ (the rejected side's strength 1), Rao and Kupper (1967) give
        // P(win) = π/(π + θ), P(loss) = 1/(1 + θπ), P(tie) = 1 − P(win) − P(loss):
        //   Δ = 0     (π = 1): win 1/4,  loss 1/4,  tie 1/2   observed tie → P = 1/2,  argmax tie  ✓
        //   Δ = ln 3  (π = 3): win 3/6,  loss 1/10, tie 2/5   observed win → P = 1/2,  argmax win  ✓
        //   Δ = −ln 3 (π = ⅓): win 1/10, loss 1/2,  tie 2/5   observed win → P = 1/10, argmax loss ✗
        //   Δ = ln 9  (π = 9): win 9/12, loss 1/28, tie 3/14  observed tie → P = 3/14, argmax win  ✗
        // Mean log-likelihood = ln(1/2 · 1/2 · 1/10 · 3/14)/4 = ln(3/560)/4 ≈ −1.30734; predicted tie rate =
        // (1/2 + 2/5 + 2/5 + 3/14)/4 = (35 + 28 + 28 + 15)/280 = 53/140; observed 2/4; three-way accuracy 2/4.
        var eta = Math.Log(3);
        var report = RaoKupperOutcomes.FromGaps([0, Math.Log(3), -Math.Log(3), Math.Log(9)], [true, false, false, true], eta);
        Assert.Equal(4, report.Pairs);
        Assert.Equal(2, report.Ties);
        Assert.Equal(Math.Log(3.0 / 560) / 4, report.MeanLogLikelihood, 12);
        Assert.Equal(53.0 / 140, report.PredictedTieRate, 12);
        Assert.Equal(0.5, report.ObservedTieRate);
        Assert.Equal(0.5, report.Accuracy);
        Assert.Equal(eta, report.ToJson()["tie_threshold"]!.GetValue<double>());
    }

    private static TokenizedSequence Seq(params int[] ids) => TokenizedSequence.PromptCompletion([1], ids);

    private static readonly (TokenizedSequence, TokenizedSequence, string?, bool)[] Pairs =
        [(Seq(5, 6), Seq(9), null, false), (Seq(10, 11), Seq(7, 7), null, true), (Seq(12), Seq(13, 3), null, false), (Seq(4), Seq(8), null, true)];

    [Fact]
    public void A_model_without_a_threshold_counts_the_ties_it_skips()
    {
        using var model = TinyRewardModels.Create("gpt2", seed: 6);
        var report = RewardEvaluation.Evaluate(model, Pairs);
        Assert.Equal(2, report.TiesSkipped);
        Assert.Null(report.ThreeOutcome);
        Assert.Equal(2, report.Accuracy.Count);
        Assert.Equal(2, report.ToJson()["ties_skipped"]!.GetValue<int>());
        var refused = Assert.Throws<ArgumentException>(() => RaoKupperOutcomes.Evaluate(model, Pairs.Select(p => (p.Item1, p.Item2, p.Item4)).ToList()));
        Assert.Contains("Rao–Kupper tie threshold", refused.Message);
        var decided = RewardEvaluation.Evaluate(model, [(Pairs[0].Item1, Pairs[0].Item2, null), (Pairs[2].Item1, Pairs[2].Item2, null)]);
        Assert.Equal(decided.Accuracy.Accuracy, report.Accuracy.Accuracy);
        Assert.Equal(decided.Ece, report.Ece);
    }

    [Fact]
    public void A_rao_kupper_model_rates_every_pair_on_three_outcomes_from_its_own_gaps()
    {
        using var model = TinyRewardModels.Create("gpt2", seed: 6);
        model.SetTieThreshold(0.8);
        var report = RewardEvaluation.Evaluate(model, Pairs, batchSize: 3);
        Assert.Equal(0, report.TiesSkipped);
        Assert.Equal(2, report.Accuracy.Count);
        var gaps = Pairs.Select(p => RewardScorer.Score(model, [p.Item1])[0] - RewardScorer.Score(model, [p.Item2])[0]).ToArray();
        var expected = RaoKupperOutcomes.FromGaps(gaps, Pairs.Select(p => p.Item4).ToArray(), 0.8);
        var actual = report.ThreeOutcome!;
        Assert.Equal(4, actual.Pairs);
        // The gaps come from single-sequence forwards, the report's from batches of 3: each gap is off by ≤ 2δ. The log of
        // each Rao–Kupper probability and each probability move by at most the change of the gap (slopes in (−1, 1)).
        var tolerance = 2 * FloatTolerance.Reward(model, 4, gaps.Max(Math.Abs)) + FloatTolerance.Of(TorchSharp.torch.ScalarType.Float32, 8 * 4, 1 + gaps.Sum(Math.Abs));
        Assert.Equal(expected.MeanLogLikelihood, actual.MeanLogLikelihood, tolerance);
        Assert.Equal(expected.PredictedTieRate, actual.PredictedTieRate, tolerance);
        Assert.Equal(expected.Accuracy, actual.Accuracy);
        // The log-likelihood against the loss the model trains with: −mean of the Rao–Kupper losses of the same pairs.
        Assert.Equal(-Enumerable.Range(0, 4).Average(i => PlainRewardLosses.RaoKupper(gaps[i], 0, Pairs[i].Item4, 0.8)), actual.MeanLogLikelihood, tolerance);
        Assert.NotNull(report.ToJson()["three_way"]);
    }
}
