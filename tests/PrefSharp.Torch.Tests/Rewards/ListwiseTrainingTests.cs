using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Listwise reward training: collation of ragged lists, objective sums against plain doubles, a learned order.</summary>
public sealed class ListwiseTrainingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-listwise-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TokenizedSequence Item(int token) => TokenizedSequence.PromptCompletion([1, 4], [token, 2]);

    private static ListwiseExample List(params int[] tokens) =>
        new(tokens.Select(Item).ToList(), tokens.Select((_, i) => -(double)i).ToList());

    /// <summary>Plackett–Luce NLL of rewards listed best first: Σ_i [log Σ_{j ≥ i} e^{r_j} − r_i].</summary>
    private static double PlainPlackettLuce(double[] r) =>
        Enumerable.Range(0, r.Length).Sum(i => Math.Log(r.Skip(i).Sum(Math.Exp)) - r[i]);

    /// <summary>ListNet: −Σ_j softmax(labels)_j · log softmax(r)_j.</summary>
    private static double PlainListNet(double[] r, double[] labels)
    {
        var z = labels.Sum(Math.Exp);
        var logZ = Math.Log(r.Sum(Math.Exp));
        return -Enumerable.Range(0, r.Length).Sum(j => Math.Exp(labels[j]) / z * (r[j] - logZ));
    }

    [Theory]
    [InlineData(ListwiseLossKind.PlackettLuce)]
    [InlineData(ListwiseLossKind.ListNet)]
    public void Ragged_lists_sum_to_the_plain_listwise_losses(ListwiseLossKind kind)
    {
        using var model = TinyRewardModels.Create("llama", seed: 6);
        model.eval();
        ListwiseExample[] lists = [List(10, 11, 12, 13), List(20, 21), List(30, 31, 32)];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var batch = ListBatch.Collate(lists, 0);
        Assert.Equal(new[] { 3L, 4L }, batch.Mask.shape);
        var result = new ListwiseRewardObjective(model, kind).Compute(batch);
        var expected = 0.0;
        var accuracy = 0.0;
        var tolerance = 0.0;
        foreach (var list in lists)
        {
            var r = RewardScorer.Score(model, list.Responses);
            expected += kind == ListwiseLossKind.PlackettLuce ? PlainPlackettLuce(r) : PlainListNet(r, list.Labels.ToArray());
            // The rewards come from other batches than the objective's (padding differs): each is off by ≤ δ. Both losses
            // move by ≤ 2K·δ for K items (the gradient's 1-norm), plus the float32 chain of the loss itself (≤ K² + 4K
            // roundings). Reversing a list moves the loss by the reward spread, orders of magnitude more.
            var delta = FloatTolerance.Reward(model, list.Responses.Max(s => s.Ids.Count), r.Max(Math.Abs));
            tolerance += 2 * r.Length * delta + FloatTolerance.Of(ScalarType.Float32, r.Length * (r.Length + 4L), r.Sum(Math.Abs) + r.Length);
            var pairs = 0;
            var right = 0;
            for (var i = 0; i < r.Length; i++)
                for (var j = i + 1; j < r.Length; j++, pairs++)
                {
                    Assert.True(Math.Abs(r[i] - r[j]) > 2 * delta, $"near-tie {r[i]} vs {r[j]}: the accuracy below would depend on the batch");
                    if (r[i] > r[j]) right++;
                }
            accuracy += (double)right / pairs;
        }
        Assert.Equal(expected, result.Sum.to(ScalarType.Float64).item<double>(), tolerance);
        Assert.Equal(accuracy, result.MetricSums["accuracy"], 9);
        Assert.Equal(3.0, new ListwiseRewardObjective(model, kind).Weight(batch));
    }

    [Fact]
    public void Lists_must_be_best_first_with_one_label_per_response()
    {
        Assert.Throws<ArgumentException>(() => new ListwiseExample([Item(10), Item(11)], [0.0, 1.0]));
        Assert.Throws<ArgumentException>(() => new ListwiseExample([Item(10), Item(11)], [1.0]));
        Assert.Throws<ArgumentException>(() => new ListwiseExample([Item(10)], [1.0]));
    }

    /// <summary>Golden order: four one-token completions always ranked 13 ≻ 12 ≻ 11 ≻ 10; the fitted rewards must follow it.</summary>
    [Theory]
    [InlineData(ListwiseLossKind.PlackettLuce)]
    [InlineData(ListwiseLossKind.ListNet)]
    public void Training_on_rankings_recovers_the_order(ListwiseLossKind kind)
    {
        manual_seed(2);
        using var model = new RewardModel(TinyRewardModels.Config("gpt2"));
        var lists = Enumerable.Repeat(List(13, 12, 11, 10), 16).Concat(Enumerable.Repeat(List(12, 10), 8)).ToList();
        ListwiseRewardTraining.Train(model, lists, null, kind,
            new TrainingOptions { LearningRate = 1e-2, MaxSteps = 40, MicroBatchSize = 8, Seed = 1, CheckpointEvery = 0, LogEvery = 40, OutputDirectory = _directory });
        var r = RewardScorer.Score(model, [Item(13), Item(12), Item(11), Item(10)]);
        for (var i = 1; i < 4; i++) Assert.True(r[i - 1] > r[i], $"rewards {string.Join(", ", r.Select(x => x.ToString("F2")))}");
    }
}
