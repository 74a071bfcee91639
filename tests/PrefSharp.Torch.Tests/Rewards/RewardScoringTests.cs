using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Batched scoring equals one-at-a-time scoring; the evaluation report matches the metrics it is built from.</summary>
public sealed class RewardScoringTests
{
    private static TokenizedSequence Seq(params int[] ids) => TokenizedSequence.PromptCompletion([1], ids);

    [Fact]
    public void Batched_scores_equal_single_scores_and_evaluation_is_consistent()
    {
        using var model = TinyRewardModels.Create("qwen2", seed: 4);
        model.SetNormalization(0.1, 2.0);
        TokenizedSequence[] sequences = [Seq(5, 6, 7), Seq(9), Seq(10, 11, 12, 13, 14), Seq(7, 7)];
        var batched = RewardScorer.Score(model, sequences, batchSize: 3);
        var single = sequences.Select(s => RewardScorer.Score(model, [s], batchSize: 1)[0]).ToArray();
        // Batches of 3 and of 1 pad differently: each reward is off by ≤ the decoder's bound on ≤ 6 tokens; the normalised
        // ones come from a batch of 4 and (r − 0.1)/2 halves that error. A reward read at a padded position is off by units.
        var tolerance = FloatTolerance.Reward(model, 6, single.Max(Math.Abs));
        for (var i = 0; i < sequences.Length; i++) Assert.Equal(single[i], batched[i], tolerance);
        var normalized = RewardScorer.Score(model, sequences, normalize: true);
        for (var i = 0; i < sequences.Length; i++) Assert.Equal((batched[i] - 0.1) / 2.0, normalized[i], tolerance);

        var report = RewardEvaluation.Evaluate(model, [(sequences[0], sequences[1], "a"), (sequences[2], sequences[3], "b"), (sequences[1], sequences[0], "a")]);
        // Pairs 0 and 2 are the same two sequences swapped: exactly one of them is right, so subset a has accuracy ½.
        Assert.Equal(0.5, report.Accuracy.Subsets["a"].Accuracy);
        Assert.Equal(2, report.Accuracy.Subsets["a"].Count);
        Assert.Equal(batched[2] > batched[3] ? 1.0 : 0.0, report.Accuracy.Subsets["b"].Accuracy);
        var json = report.ToJson();
        Assert.Equal(3, json["n"]!.GetValue<int>());
        Assert.Equal(report.Ece, json["ece"]!.GetValue<double>());
        Assert.Equal(2, json["subsets"]!["a"]!["n"]!.GetValue<int>());
    }
}
