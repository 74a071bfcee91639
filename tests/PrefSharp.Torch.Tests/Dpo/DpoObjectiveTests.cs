using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Dpo;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

public sealed class DpoObjectiveTests
{
    [Fact]
    public void A_few_dpo_steps_raise_the_margin_and_the_implicit_reward_accuracy()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 3);
        using var referenceModel = TinyConfigs.Create("gpt2", seed: 3);
        var objective = new DpoObjective(policy, new FrozenReference(referenceModel), [new WeightedLoss(PreferenceLossType.Sigmoid)],
            new PreferenceLossOptions { Beta = 0.1 });
        using var batch = DpoTestData.Pairs(8, seed: 1);
        Assert.Equal(8, objective.Weight(batch));
        using var optimizer = optim.Adam(policy.Module.parameters(), lr: 3e-3);
        IReadOnlyDictionary<string, double>? first = null, last = null;
        for (var step = 0; step < 12; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var result = objective.Compute(batch);
            (result.Sum / objective.Weight(batch)).backward();
            optimizer.step();
            first ??= result.MetricSums;
            last = result.MetricSums;
        }
        // at step 0 the policy is the reference: every implicit reward is 0, no pair is "correct"
        Assert.Equal(0, first!["rewards/margins"], 6);
        Assert.Equal(0, first["rewards/accuracies"]);
        Assert.True(last!["rewards/margins"] / 8 > 0.05, $"mean margin {last["rewards/margins"] / 8}");
        Assert.True(last["rewards/accuracies"] >= 7, $"accuracy {last["rewards/accuracies"]}/8");
        Assert.True(last["entropy"] > 0);
    }

    [Fact]
    public void The_objective_loss_is_the_sum_of_the_per_pair_losses_and_the_metrics_match_by_hand()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 4);
        using var batch = DpoTestData.Pairs(3, seed: 2);
        var objective = new DpoObjective(policy, null, [new WeightedLoss(PreferenceLossType.Sigmoid)], new PreferenceLossOptions { Beta = 0.5 });
        using var noGrad = no_grad();
        var result = objective.Compute(batch);
        var chosen = PrefSharp.Torch.LogProbs.CompletionLogProbs.Compute(policy, batch.Chosen).LogProbs.PerSequence.data<float>().ToArray();
        var rejected = PrefSharp.Torch.LogProbs.CompletionLogProbs.Compute(policy, batch.Rejected).LogProbs.PerSequence.data<float>().ToArray();
        // reference-free: h = log π(y_w) − log π(y_l); loss = Σ −log σ(0.5·h); rewards/margins = Σ 0.5·h
        var expected = chosen.Zip(rejected, (c, r) => -Losses.PlainDoublePreferenceLosses.LogSigmoid(0.5 * (c - r))).Sum();
        // The objective runs chosen and rejected in one padded pass, the log-probs above in two: each log π is off by ≤ δ(log π),
        // the decoder's bound. Then float32 vs double from those log-probs: per pair a difference, a scaling, a log-sigmoid
        // (exp, log1p) and the sum; −log σ(0.5·h) and 0.5·h move by ≤ 0.5 per unit of h. Swapping the sides moves each by ≥ 0.5·|h|.
        var tokens = (int)Math.Max(batch.Chosen.InputIds.shape[1], batch.Rejected.InputIds.shape[1]);
        double Delta(float logProb) => FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(policy.Config, tokens), logProb);
        var tolerance = 0.5 * chosen.Zip(rejected, (c, r) => Delta(c) + Delta(r)).Sum()
            + FloatTolerance.Of(ScalarType.Float32, 6L * chosen.Length, chosen.Zip(rejected, (c, r) => Math.Abs(c) + Math.Abs(r)).Sum());
        Assert.Equal(expected, result.Sum.item<float>(), tolerance);
        Assert.Equal(chosen.Zip(rejected, (c, r) => 0.5 * (c - r)).Sum(), result.MetricSums["rewards/margins"], tolerance);
        Assert.Equal(chosen.Sum(), result.MetricSums["logps/chosen"], chosen.Sum(Delta) + FloatTolerance.Of(ScalarType.Float32, chosen.Length, chosen.Sum(Math.Abs)));
    }

    [Fact]
    public void Dynamic_beta_reads_reward_margins_from_the_batch_and_matches_the_plain_formula()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 4);
        using var batch = DpoTestData.Pairs(3, seed: 2, weights: [0.0, 2, 10]);
        var objective = new DpoObjective(policy, null, [new WeightedLoss(PreferenceLossType.DynamicBeta)], new PreferenceLossOptions { Beta = 0.5 });
        using var noGrad = no_grad();
        var result = objective.Compute(batch);
        var chosen = PrefSharp.Torch.LogProbs.CompletionLogProbs.Compute(policy, batch.Chosen).LogProbs.PerSequence.data<float>().ToArray();
        var rejected = PrefSharp.Torch.LogProbs.CompletionLogProbs.Compute(policy, batch.Rejected).LogProbs.PerSequence.data<float>().ToArray();
        // β_i = 0.5·(1 + 0.5·(1 − e^{−0.5·δ_i})) for δ = [0, 2, 10]: [0.5, 0.658030, 0.748316]; loss = Σ −log σ(β_i·h_i)
        double[] betas = [0.5, 0.5 * (1 + 0.5 * (1 - Math.Exp(-1))), 0.5 * (1 + 0.5 * (1 - Math.Exp(-5)))];
        var expected = Enumerable.Range(0, 3).Sum(i => -Losses.PlainDoublePreferenceLosses.LogSigmoid(betas[i] * (chosen[i] - rejected[i])));
        // as in the test above: two passes vs one padded pass (δ per log π), then float32 vs double; β_i ≤ 0.75 per unit of h
        var tokens = (int)Math.Max(batch.Chosen.InputIds.shape[1], batch.Rejected.InputIds.shape[1]);
        double Delta(float logProb) => FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(policy.Config, tokens), logProb);
        var tolerance = 0.75 * chosen.Zip(rejected, (c, r) => Delta(c) + Delta(r)).Sum()
            + FloatTolerance.Of(ScalarType.Float32, 8L * chosen.Length, chosen.Zip(rejected, (c, r) => Math.Abs(c) + Math.Abs(r)).Sum());
        Assert.Equal(expected, result.Sum.item<float>(), tolerance);
        using var unweighted = DpoTestData.Pairs(3, seed: 2);
        var missing = Assert.Throws<ArgumentException>(() => objective.Compute(unweighted));
        Assert.Contains("RewardMargins", missing.Message);
    }

    [Fact]
    public void Losses_the_batch_cannot_feed_are_refused_by_name()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 4);
        var error = Assert.Throws<ArgumentException>(() =>
            new DpoObjective(policy, null, [new WeightedLoss(PreferenceLossType.TokenWeighted)], new PreferenceLossOptions()));
        Assert.Contains("TokenWeighted", error.Message);
        Assert.Throws<ArgumentException>(() => new DpoObjective(policy, null,
            [new WeightedLoss(PreferenceLossType.DynamicBeta), new WeightedLoss(PreferenceLossType.SoftLabel)], new PreferenceLossOptions()));
    }
}
