using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>
/// Peer review (Co-teaching for reward models): the keep schedule, that each model learns from the pairs its PEER
/// finds easiest (not its own), and that on memorisable data with flipped labels the reviewed model fits fewer flips.
/// </summary>
public sealed class PeerReviewTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("prefsharp-peer-review-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Keep_fraction_ramps_linearly_to_one_minus_the_drop_rate()
    {
        // R(T) = 1 − τ·min(T/T_k, 1) with τ = 0.2, T_k = 10: 1 at the start, 0.9 after 5 epochs, 0.8 from 10 on.
        var review = new PeerReviewOptions { DropRate = 0.2, RampEpochs = 10 };
        Assert.Equal([1.0, 0.9, 0.8, 0.8], new[] { 0.0, 5, 10, 40 }.Select(e => Math.Round(review.KeepFraction(e), 12)));
        Assert.Equal("DropRate", Assert.Throws<ArgumentException>(() => (review with { DropRate = 1 }).Validate()).ParamName);
        Assert.Equal("RampEpochs", Assert.Throws<ArgumentException>(() => (review with { RampEpochs = 0 }).Validate()).ParamName);
    }

    private static TokenizedSequence Answer(params int[] tokens) => TokenizedSequence.PromptCompletion([1, 4], [.. tokens, 2]);

    [Fact]
    public void Each_model_is_trained_on_the_pairs_its_peer_keeps()
    {
        using var scope = NewDisposeScope();
        using var model = TinyRewardModels.Create("gpt2", seed: 5);
        using var peer = TinyRewardModels.Create("gpt2", seed: 6);
        var examples = Enumerable.Range(0, 8).Select(i => new TokenizedPair(Answer(10 + i, 20 + i), Answer(30 + i, 40 + i % 3))).ToList();
        using var batch = RewardBatches.Collate(examples, model.PadId, RewardLossKind.BradleyTerry);
        var (modelObjective, peerObjective) = (new RewardObjective(model), new RewardObjective(peer));
        var review = new PeerReviewOptions { DropRate = 0.5, RampEpochs = 1 };   // fully ramped below: keep 4 of 8

        var result = new PeerReviewObjective(modelObjective, peerObjective, review, () => 3).Compute(batch);

        double[] Losses(RewardObjective objective) => objective.PairTerms(batch).Losses.detach().to(ScalarType.Float64).data<double>().ToArray();
        var (modelLosses, peerLosses) = (Losses(modelObjective), Losses(peerObjective));
        int[] Easiest(double[] losses) => [.. Enumerable.Range(0, 8).OrderBy(i => losses[i]).Take(4).Order()];
        var (keptByPeer, keptByModel) = (Easiest(peerLosses), Easiest(modelLosses));
        Assert.NotEqual(keptByPeer, keptByModel);   // the two models disagree, so learning from one's own picks would show
        // Each model's loss is the mean over the 4 pairs its peer picked: (8/4)·(Σ_peer-kept ℓ_model + Σ_model-kept ℓ_peer).
        var expected = 2 * (keptByPeer.Sum(i => modelLosses[i]) + keptByModel.Sum(i => peerLosses[i]));
        // Same batch, same per-pair losses: only the float32 masking, scaling and sums differ (≤ 4 roundings per pair).
        // A model trained on its own picks instead of its peer's misses by the difference of two 4-pair sums.
        var tolerance = FloatTolerance.Of(ScalarType.Float32, 4L * 8, 2 * (modelLosses.Sum() + peerLosses.Sum()));
        Assert.Equal(expected, result.Sum.to(ScalarType.Float64).item<double>(), tolerance);
        Assert.Equal(4.0, result.MetricSums["kept"]);
        Assert.Equal(modelLosses.Sum(), result.MetricSums["loss"], tolerance);   // reported over every pair, as plain training does
    }

    [Fact]
    public void On_memorisable_pairs_with_flips_the_reviewed_model_fits_fewer_flips_than_Bradley_Terry()
    {
        // 48 pairs whose better answer ends in token 10 and the worse in 11, each answer with two tokens of its own (so
        // a model can memorise a pair); a quarter of the labels flipped. Trained long enough to fit its training
        // labels, plain BT learns many flips; the reviewed model, withholding its peer's hardest quarter, learns fewer.
        var random = new Random(7);
        var examples = Enumerable.Range(0, 48).Select(i =>
        {
            var (good, bad) = (Answer(random.Next(12, 60), random.Next(12, 60), 10), Answer(random.Next(12, 60), random.Next(12, 60), 11));
            return i % 4 == 0 ? new TokenizedPair(bad, good) : new TokenizedPair(good, bad);
        }).ToList();
        var flipped = examples.Where((_, i) => i % 4 == 0).ToList();
        TrainingOptions Options(string name) => new()
        {
            LearningRate = 2e-3, WarmupSteps = 5, MaxSteps = 150, MicroBatchSize = 12, CheckpointEvery = 0, KeepLastCheckpoints = 1,
            LogEvery = 150, Seed = 3, OutputDirectory = Path.Combine(root, name),
        };
        double FitsFlips(RewardModel trained)
        {
            var chosen = RewardScorer.Score(trained, flipped.Select(e => e.Chosen).ToList(), 16);
            var rejected = RewardScorer.Score(trained, flipped.Select(e => e.Rejected).ToList(), 16);
            return chosen.Zip(rejected, (c, r) => c > r ? 1.0 : 0.0).Average();
        }
        using var plain = TinyRewardModels.Create("gpt2", seed: 5);
        RewardTraining.Train(plain, examples, null, new RewardObjectiveOptions(), Options("plain"));
        using var reviewed = TinyRewardModels.Create("gpt2", seed: 5);
        using var peer = TinyRewardModels.Create("gpt2", seed: 6);
        PeerReviewTraining.Train(reviewed, peer, examples, null, new RewardObjectiveOptions(), new PeerReviewOptions { DropRate = 0.25, RampEpochs = 2 }, Options("reviewed"));

        var (plainFits, reviewedFits) = (FitsFlips(plain), FitsFlips(reviewed));
        Assert.True(plainFits >= 0.5, $"plain BT should memorise the flips here, fitted {plainFits:F3}");
        Assert.True(reviewedFits < plainFits - 0.25, $"reviewed fitted {reviewedFits:F3} of the flips, plain {plainFits:F3}");
    }
}
