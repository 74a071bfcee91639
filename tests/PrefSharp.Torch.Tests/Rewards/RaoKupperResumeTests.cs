using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>
/// A Rao–Kupper run that fits η, stopped and resumed from its newest checkpoint, ends bit-identical to a straight run:
/// the same weights and the same η (the checkpoint carries η and its AdamW moments).
/// </summary>
public sealed class RaoKupperResumeTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("prefsharp-rk-resume-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static TokenizedSequence Item(int index) => TokenizedSequence.PromptCompletion([1, 4], [10 + index, 2]);

    /// <summary>48 comparisons of four one-token answers, a third of them ties.</summary>
    private static readonly List<TokenizedPair> Examples = Enumerable.Range(0, 48)
        .Select(n => new TokenizedPair(Item(n % 4), Item((n + 1 + n / 4 % 3) % 4), n % 3 == 0 ? 0.5 : 1.0)).ToList();

    private static readonly RewardObjectiveOptions Objective = new() { Loss = RewardLossKind.RaoKupper };

    private TrainingOptions Options(string name) => new()
    {
        LearningRate = 5e-2, WarmupSteps = 2, MaxSteps = 8, MicroBatchSize = 6, GradientAccumulation = 2, CheckpointEvery = 2,
        KeepLastCheckpoints = 2, LogEvery = 4, Seed = 3, OutputDirectory = Path.Combine(root, name),
    };

    [Fact]
    public void A_run_stopped_at_step_five_and_resumed_ends_with_the_straight_runs_weights_and_threshold()
    {
        using var straightModel = TinyRewardModels.Create("gpt2", seed: 5);
        double straightEta;
        using (var straight = new RewardTrainer(straightModel, Examples, null, Objective, Options("straight")))
        {
            Assert.False(straight.Run().Cancelled);
            straightEta = straight.TieThreshold!.Current;
        }
        Assert.NotEqual(Math.Log(1.5), straightEta);   // η moved, so a restart from its start value would show

        double stoppedEta;
        using (var stoppedModel = TinyRewardModels.Create("gpt2", seed: 5))
        using (var stopped = new RewardTrainer(stoppedModel, Examples, null, Objective, Options("split")))
        using (var cancellation = new CancellationTokenSource())
        {
            stopped.Loop.StepCompleted += report => { if (report.Step == 5) cancellation.Cancel(); };
            Assert.True(stopped.Run(cancellation.Token).Cancelled);
            stoppedEta = stopped.TieThreshold!.Current;
        }
        var newest = CheckpointFolders.Latest(Path.Combine(root, "split"))!;
        Assert.True(File.Exists(Path.Combine(newest, TieThreshold.FileName)));
        using (var saved = RewardCheckpoint.Load(newest))
        {
            Assert.NotNull(saved.Config.TieThreshold);   // the checkpoint's config.json names the η of step 4
            Assert.NotEqual(stoppedEta, saved.Config.TieThreshold!.Value);
        }

        using var resumedModel = TinyRewardModels.Create("gpt2", seed: 99);   // other weights: they must come from the checkpoint
        using var resumed = new RewardTrainer(resumedModel, Examples, null, Objective with { TieThreshold = 2.0 }, Options("split"));
        Assert.True(resumed.ResumeFromLatest());
        Assert.Equal(4, resumed.Loop.Step);
        Assert.Equal(8, resumed.Run().Step);

        Assert.Equal(straightEta, resumed.TieThreshold!.Current);
        Assert.Equal(straightModel.Config.TieThreshold, resumedModel.Config.TieThreshold);
        var actual = resumedModel.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in straightModel.named_parameters()) TensorAssert.BitIdentical(parameter, actual[name], name);
    }

    [Fact]
    public void Resuming_a_fitted_threshold_from_a_checkpoint_without_one_names_the_missing_file()
    {
        using (var model = TinyRewardModels.Create("gpt2", seed: 5))
            RewardTraining.Train(model, Examples.Where(e => e.Weight == 1.0).ToList(), null, new RewardObjectiveOptions(), Options("bt") with { MaxSteps = 2 });
        using var raoKupper = TinyRewardModels.Create("gpt2", seed: 5);
        var error = Assert.Throws<InvalidDataException>(() =>
            RewardTraining.Train(raoKupper, Examples, null, Objective, Options("bt") with { MaxSteps = 4 }, resume: true));
        Assert.Contains(TieThreshold.FileName, error.Message);
    }
}
