using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>Rao–Kupper as a trainable loss: the learnable-threshold form, and recovery of η and the order from synthetic ties.</summary>
public sealed class RaoKupperTrainingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-rk-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_tensor_threshold_form_matches_the_1967_probabilities_and_has_a_gradient()
    {
        using var scope = NewDisposeScope();
        double[] c = [1.0, -0.5, 3.0, 0.2], r = [0.0, 0.5, -2.0, 0.2];
        bool[] tie = [false, true, true, false];
        var eta = tensor(0.7, requires_grad: true);
        var losses = RaoKupperRewardLoss.Compute(tensor(c), tensor(r), tensor(tie), eta);
        var values = losses.data<double>().ToArray();
        for (var i = 0; i < c.Length; i++) Assert.Equal(PlainRewardLosses.RaoKupper(c[i], r[i], tie[i], 0.7), values[i], 9);
        Assert.Equal(values, RaoKupperRewardLoss.Compute(tensor(c), tensor(r), tensor(tie), 0.7).data<double>().ToArray());
        losses.sum().backward();
        // d/dη of −log σ(Δ − η) is σ(−(Δ − η)) > 0 for wins; ties pull η up when the gap is small: the sum's sign is not
        // fixed, but the gradient must match a central difference.
        double Total(double e) => Enumerable.Range(0, c.Length).Sum(i => PlainRewardLosses.RaoKupper(c[i], r[i], tie[i], e));
        Assert.Equal((Total(0.7 + 1e-6) - Total(0.7 - 1e-6)) / 2e-6, eta.grad!.item<double>(), 5);
    }

    [Fact]
    public void Fitting_synthetic_ties_recovers_the_threshold_and_the_order()
    {
        // Five one-token completions with true rewards 1.5, 0.75, 0, −0.75, −1.5 and η = 0.7 (θ = e^0.7 ≈ 2.01):
        // for a random pair (i, j), i wins w.p. σ(Δ − η), j wins w.p. σ(−Δ − η), else a tie (Rao and Kupper 1967).
        double[] truth = [1.5, 0.75, 0, -0.75, -1.5];
        const double trueEta = 0.7;
        var random = new Random(7);
        var examples = new List<TokenizedPair>();
        for (var n = 0; n < 3000; n++)
        {
            var i = random.Next(5);
            var j = (i + 1 + random.Next(4)) % 5;
            var gap = truth[i] - truth[j];
            var u = random.NextDouble();
            var winI = 1 / (1 + Math.Exp(trueEta - gap));
            var winJ = 1 / (1 + Math.Exp(trueEta + gap));
            var (chosen, rejected, weight) = u < winI ? (i, j, 1.0) : u < winI + winJ ? (j, i, 1.0) : (i, j, 0.5);
            examples.Add(new TokenizedPair(Item(chosen), Item(rejected), weight));
        }
        manual_seed(5);
        using var model = new RewardModel(TinyRewardModels.Config("gpt2"));
        RewardTraining.Train(model, examples, null, new RewardObjectiveOptions { Loss = RewardLossKind.RaoKupper },
            new TrainingOptions { LearningRate = 1e-2, MaxSteps = 250, MicroBatchSize = 64, Seed = 1, CheckpointEvery = 0, LogEvery = 250, OutputDirectory = _directory });
        var fitted = RewardScorer.Score(model, Enumerable.Range(0, 5).Select(Item).ToList());
        var eta = model.Config.TieThreshold!.Value;
        Assert.True(Math.Abs(eta - trueEta) < 0.15, $"fitted η {eta:F3}, true {trueEta}");
        for (var k = 1; k < 5; k++) Assert.True(fitted[k - 1] > fitted[k], $"rewards {string.Join(", ", fitted.Select(f => f.ToString("F2")))}");
        // Gaps are identified (only a common shift is not): the spread should be close to the true 3.0.
        Assert.True(Math.Abs(fitted[0] - fitted[4] - 3.0) < 0.6, $"spread {fitted[0] - fitted[4]:F2}");
    }

    private static TokenizedSequence Item(int index) => TokenizedSequence.PromptCompletion([1, 4], [10 + index, 2]);
}
