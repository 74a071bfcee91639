using PrefSharp.Torch.Batches;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Reward;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// Held-out evaluation of a reward model or an ensemble: accuracy (equal scores count ½), ECE and the length
/// baseline, the fitted Rao–Kupper η and the three-way report where they apply; printed and written to eval.json.
/// </summary>
public static class RewardModelReport
{
    /// <summary>
    /// Scores <paramref name="heldOut"/> (decided pairs) with <paramref name="models"/>: one model by its preference
    /// logit (r_c − r_r, or s/β for a GPM), an ensemble by the mean of its members' normalised rewards
    /// (<see cref="EnsembleAggregation"/>), and writes OUT/eval.json.
    /// </summary>
    public static void Write(IReadOnlyList<RewardModel> models, IReadOnlyList<TokenizedPair> heldOut, IReadOnlyList<PreferencePair> heldOutPairs,
        string outDir, TextWriter output, RaoKupperOutcomeReport? threeWay = null)
    {
        double[] EnsembleScores(Func<TokenizedPair, Torch.Batches.TokenizedSequence> side)
        {
            var sequences = heldOut.Select(side).ToList();
            return EnsembleAggregation.Aggregate(models.Select(m => RewardScorer.Score(m, sequences, 32, normalize: true)).ToList(), EnsembleAggregationKind.Mean);
        }
        var gaps = models.Count == 1
            ? PreferenceLogits.Pairs(models[0], heldOut.Select(e => (e.Chosen, e.Rejected)).ToList(), 32)
            : EnsembleScores(e => e.Chosen).Zip(EnsembleScores(e => e.Rejected), (c, r) => c - r).ToArray();
        var accuracy = PairwiseAccuracy.Compute(gaps, new double[gaps.Length]).Accuracy;
        var ece = ExpectedCalibrationError.FromRewardGaps(gaps);
        var length = LengthBaseline.Accuracy(heldOutPairs);
        output.WriteLine($"held-out accuracy  {accuracy:F4}  ({heldOut.Count} decided pairs, equal scores count ½)");
        output.WriteLine($"held-out ECE       {ece:F4}  (10 bins)");
        output.WriteLine($"length baseline    {length:F4}  (longer completion wins)");
        var report = new JsonObject
        {
            ["heldout_accuracy"] = accuracy, ["heldout_ece"] = ece, ["length_baseline_accuracy"] = length,
            ["heldout_pairs"] = heldOut.Count, ["members"] = models.Count,
        };
        if (models[0].Config.IsGeneralPreference) report["head"] = "gpm";
        if (models[0].Config.TieThreshold is { } eta)
        {
            report["tie_threshold"] = eta;
            output.WriteLine($"tie threshold η   {eta:F4}  (Rao–Kupper, fitted; θ = e^η = {Math.Exp(eta):F3})");
        }
        if (threeWay is not null)
        {
            report["heldout_three_way"] = threeWay.ToJson();
            output.WriteLine($"held-out 3-way     {threeWay.Accuracy:F4}  (win / tie / loss; {threeWay.Pairs} pairs, {threeWay.Ties} ties, "
                + $"log-lik {threeWay.MeanLogLikelihood:F4}, tie rate {threeWay.PredictedTieRate:F4} predicted vs {threeWay.ObservedTieRate:F4})");
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "eval.json"), report.ToJsonString());
        output.WriteLine($"wrote {outDir}");
    }
}
