using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>The reward objective: its sums and metrics, and a tiny model learning a synthetic preference.</summary>
public sealed class RewardObjectiveTests
{
    /// <summary>Random sequences over tokens 8..63; the chosen one has a 7 at a random position, the rejected one not.</summary>
    private static PairBatch SyntheticPairs(Random random, int count)
    {
        var chosen = new List<TokenizedSequence>();
        var rejected = new List<TokenizedSequence>();
        for (var i = 0; i < count; i++)
        {
            int[] Sequence() => Enumerable.Range(0, 3 + random.Next(4)).Select(_ => 8 + random.Next(56)).ToArray();
            var good = Sequence();
            good[random.Next(good.Length)] = 7;
            chosen.Add(TokenizedSequence.PromptCompletion([1], good));
            rejected.Add(TokenizedSequence.PromptCompletion([1], Sequence()));
        }
        return new PairBatch(SequenceBatch.Collate(chosen, 0), SequenceBatch.Collate(rejected, 0));
    }

    [Fact]
    public void Tiny_model_learns_that_token_seven_is_preferred()
    {
        using var model = TinyRewardModels.Create("gpt2", seed: 21);
        var objective = new RewardObjective(model);
        using var optimizer = optim.Adam(model.parameters(), lr: 3e-3);
        var random = new Random(5);
        using var heldOut = SyntheticPairs(new Random(99), 200);
        double Accuracy()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            model.eval();
            var result = objective.Compute(heldOut).MetricSums["accuracy"] / objective.Weight(heldOut);
            model.train();
            return result;
        }
        var before = Accuracy();
        for (var step = 0; step < 60; step++)
        {
            using var scope = NewDisposeScope();
            using var batch = SyntheticPairs(random, 16);
            optimizer.zero_grad();
            var loss = objective.Compute(batch);
            loss.Sum.div(objective.Weight(batch)).backward();
            optimizer.step();
        }
        var after = Accuracy();
        Assert.True(after > 0.9, $"held-out accuracy {after:F3} (before {before:F3})");
    }

    [Fact]
    public void Sums_and_metrics_match_a_direct_computation()
    {
        using var model = TinyRewardModels.Create("llama", seed: 2);
        using var batch = SyntheticPairs(new Random(1), 5) with { Weights = [1, 2, 0, 1, 0.5] };
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var result = new RewardObjective(model, new RewardObjectiveOptions { CenterRewardsCoefficient = 0.01 }).Compute(batch);
        var c = model.Rewards(batch.Chosen.InputIds, batch.Chosen.AttentionMask).to(ScalarType.Float64).data<double>().ToArray();
        var r = model.Rewards(batch.Rejected.InputIds, batch.Rejected.AttentionMask).to(ScalarType.Float64).data<double>().ToArray();
        double[] w = [1, 2, 0, 1, 0.5];
        var expected = Enumerable.Range(0, 5).Sum(i => w[i] * PlainRewardLosses.BradleyTerry(c[i], r[i]) + PlainRewardLosses.Center(c[i], r[i], 0.01));
        // float32 vs double from the same rewards: per pair a difference, a log-sigmoid, the centring square, the weighting and the sum.
        var tolerance = FloatTolerance.Of(ScalarType.Float32, 8L * w.Length, Enumerable.Range(0, 5).Sum(i => (w[i] + 0.01) * (Math.Abs(c[i]) + Math.Abs(r[i]) + c[i] * c[i] + r[i] * r[i])));
        Assert.Equal(expected, result.Sum.to(ScalarType.Float64).item<double>(), tolerance);
        Assert.Equal(expected, result.MetricSums["loss"], tolerance);
        Assert.Equal(Enumerable.Range(0, 5).Sum(i => c[i] > r[i] ? 1.0 : c[i] < r[i] ? 0 : 0.5), result.MetricSums["accuracy"]);
        Assert.Equal(c.Sum() - r.Sum(), result.MetricSums["margin"], tolerance);
        Assert.Equal(5.0, new RewardObjective(model).Weight(batch));
    }

    [Fact]
    public void Margin_loss_without_margins_is_an_error()
    {
        using var model = TinyRewardModels.Create("gpt2");
        using var batch = SyntheticPairs(new Random(1), 2);
        var objective = new RewardObjective(model, new RewardObjectiveOptions { Loss = RewardLossKind.Margin });
        Assert.Contains("margins", Assert.Throws<ArgumentException>(() => objective.Compute(batch)).Message);
        Assert.Equal("FlipRate", Assert.Throws<ArgumentException>(() => new RewardObjectiveOptions { FlipRate = 0.5 }.Validate()).ParamName);
    }
}
