using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Reward.MultiObjective;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards.MultiObjective;

/// <summary>Stage 2 on a tiny frozen model: the gate finds the objective the labels were made from, without leaking tensors.</summary>
public sealed class GatingTrainingTests
{
    private static readonly GatingOptions Small = new() { Steps = 150, BatchSize = 64, HiddenSize = 16, HiddenLayers = 1, Temperature = 1, Dropout = 0, LearningRate = 2e-2, Seed = 3 };

    /// <summary>Random prompt + response pairs labelled by the model's own objective <paramref name="objective"/>: chosen is the higher one.</summary>
    private static List<GatingExample> PairsLabelledBy(MultiObjectiveRewardModel model, int objective, int count)
    {
        var random = new Random(4);
        TokenizedSequence Sequence(int[] prompt) => TokenizedSequence.PromptCompletion(prompt, Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.Next(3, 64)).ToArray());
        var raw = Enumerable.Range(0, count).Select(_ =>
        {
            var prompt = Enumerable.Range(0, 3).Select(_ => random.Next(3, 64)).ToArray();
            return (A: Sequence(prompt), B: Sequence(prompt));
        }).ToList();
        var unit = Enumerable.Range(0, model.Objectives).Select(i => i == objective ? 1.0 : 0.0).ToArray();
        var a = MultiObjectiveScorer.Score(model, raw.Select(r => r.A).ToList(), unit, 64).Scores;
        var b = MultiObjectiveScorer.Score(model, raw.Select(r => r.B).ToList(), unit, 64).Scores;
        return raw.Select((r, i) => a[i] >= b[i] ? new GatingExample(r.A, r.B) : new GatingExample(r.B, r.A)).ToList();
    }

    [Fact]
    public void The_gate_weights_the_objective_behind_the_labels_and_retraining_leaks_nothing()
    {
        var threads = torch.get_num_threads();
        torch.set_num_threads(1);   // tiny tensors: one thread is fastest on a shared machine
        try
        {
            GateFindsTheLabellingObjective();
        }
        finally
        {
            torch.set_num_threads(threads);
        }
    }

    private static void GateFindsTheLabellingObjective()
    {
        using var model = new MultiObjectiveRewardModel(TinyRewardModels.Create("llama", labels: 3), new MultiObjectiveConfig { Objectives = ["a", "b", "c"] });
        var pairs = PairsLabelledBy(model, objective: 1, count: 300);
        var first = GatingTraining.Train(model, pairs, Small);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var second = GatingTraining.Train(model, pairs, Small);
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);   // the new gate replaces the old one
        Assert.Equal(first.Scale, second.Scale, 12);                                 // same seed, same gate
        Assert.True(first.TrainAccuracy > 0.9, $"train accuracy {first.TrainAccuracy:F3}");

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var batch = SequenceBatch.Collate(pairs.Take(64).Select(p => p.Chosen).ToList(), 2);
        var weights = model.Gating!.forward(model.Forward(batch).PromptHidden);
        var mean = (weights / weights.sum(1, keepdim: true)).mean([0]).to(ScalarType.Float64).data<double>().ToArray();
        Assert.True(mean[1] > 0.6 && mean[1] > mean[0] && mean[1] > mean[2], $"gate {string.Join(" ", mean.Select(m => m.ToString("F3")))}");
    }

    [Fact]
    public void Options_name_the_bad_value()
    {
        Assert.Contains("--gate-steps", Assert.Throws<ArgumentException>(() => (Small with { Steps = 0 }).Validate()).Message);
        Assert.Contains("--gate-temperature", Assert.Throws<ArgumentException>(() => (Small with { Temperature = 0 }).Validate()).Message);
        using var model = new MultiObjectiveRewardModel(TinyRewardModels.Create("llama", labels: 2), new MultiObjectiveConfig { Objectives = ["a", "b"] });
        var pairs = PairsLabelledBy(model, 0, 8);
        Assert.Contains("unknown objective \"length\"", Assert.Throws<ArgumentException>(() => GatingTraining.Train(model, pairs, Small with { VerbosityObjective = "length" })).Message);
    }
}
