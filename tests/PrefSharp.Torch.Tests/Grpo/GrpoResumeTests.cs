using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

/// <summary>
/// GRPO checkpoints: a run stopped after step k and resumed from its newest checkpoint ends bit-identical to an
/// uninterrupted run (same weights to the last bit, same rewards and losses at every later step); a crash while a
/// checkpoint is being written leaves the previous one as the newest complete checkpoint, and resuming from it is exact.
/// </summary>
public sealed class GrpoResumeTests
{
    private static readonly SortingWorld World = new();

    // Five sorting prompts (digit d is token id d + 1) with 3 prompts per step, so batches straddle passes over the
    // prompts and the resumed run must rebuild a reshuffled order. A completion token id maps to the digit id mod 10,
    // so the untrained policy's completions get graded sorting rewards that differ within a group.
    private static readonly GrpoPrompt[] Prompts = Enumerable.Range(0, 5)
        .Select(i => World.SamplePrompt(new Random(10 + i)))
        .Select(p => new GrpoPrompt(p, p.Select(ch => (long)(ch - '0' + 1)).ToArray())).ToArray();

    private static string Decode(IReadOnlyList<long> ids) => string.Concat(ids.Select(id => (char)('0' + id % 10)));

    private static readonly IGroupRewardSource Reward = PointwiseRewardSource.FromFunction("gym-sorting", World.GoldUtility);

    private const int Steps = 8;

    private static GrpoTrainerOptions Options(string output) => new()
    {
        GroupSize = 4, PromptsPerStep = 3, MaxCompletionLength = 4, Iterations = 2, MicroBatchSize = 5,
        Loss = new GrpoLossOptions { Beta = 0.04 },
        Training = new() { LearningRate = 2e-2, WeightDecay = 0.01, Schedule = LearningRateSchedule.Cosine, WarmupSteps = 2,
            MaxSteps = Steps, LogEvery = 1, Seed = 3, CheckpointEvery = 2, KeepLastCheckpoints = 2, OutputDirectory = output },
    };

    /// <summary>The uninterrupted run both tests compare against (computed once; its folder is kept for the first test's checks).</summary>
    private static readonly Lazy<(Outcome Run, string Folder)> StraightRun = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("grpo-straight-").FullName;
        return (Train(folder, resume: false), folder);
    });

    private sealed record Outcome(Dictionary<string, Tensor> Weights, IReadOnlyList<GrpoStepReport> Reports, IReadOnlyList<long> Checkpoints);

    /// <summary>Trains <paramref name="policyWeightsSeed"/>'s policy, first resuming from the output folder when asked.</summary>
    private static Outcome Train(string output, bool resume, int policyWeightsSeed = 5, CancellationToken cancel = default,
        Action<GrpoTrainer>? configure = null)
    {
        using var policy = TinyConfigs.Create("gpt2", seed: policyWeightsSeed);
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        using var trainer = new GrpoTrainer(policy, Prompts, Reward, Decode, Options(output), reference, World.GoldUtility, ProgressReporter.Silent);
        configure?.Invoke(trainer);
        if (resume) Assert.True(trainer.ResumeFromLatest(), $"no checkpoint in {output}");
        var result = trainer.Run(cancel);
        var weights = policy.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        return new Outcome(weights, result.Reports, CheckpointFolders.List(output).Select(c => c.Step).ToList());
    }

    private static void AssertSameRun(Outcome straight, Outcome resumed, long resumedAt)
    {
        foreach (var (name, expected) in straight.Weights) TensorAssert.BitIdentical(expected, resumed.Weights[name], $"{name} (resumed at {resumedAt})");
        Assert.Equal(Steps - resumedAt, resumed.Reports.Count);
        foreach (var report in resumed.Reports)
        {
            var twin = straight.Reports[(int)report.Step - 1];
            Assert.Equal(twin.Diagnostics.ProxyReward, report.Diagnostics.ProxyReward);   // same prompts, same samples
            Assert.Equal(twin.Loss, report.Loss);
            Assert.Equal(twin.LearningRate, report.LearningRate);
        }
    }

    [Fact]
    public void A_run_stopped_after_step_5_and_resumed_ends_bit_identical_to_a_straight_run()
    {
        var root = Directory.CreateTempSubdirectory("grpo-resume-").FullName;
        var (straight, straightFolder) = StraightRun.Value;
        Assert.Equal([6L, 8L], straight.Checkpoints);                        // every 2 steps, keep-last 2
        Assert.True(straight.Reports.Select(r => r.Diagnostics.ProxyReward).Distinct().Count() > 1, "rewards never changed: a vacuous run");
        var final = Path.Combine(straightFolder, "checkpoint-8");
        foreach (var file in new[] { "config.json", "model.safetensors", TrainingCheckpoint.OptimizerFileName, TrainingCheckpoint.OptionsFileName })
            Assert.True(File.Exists(Path.Combine(final, file)), $"checkpoint-8 lacks {file}");

        var stopped = Path.Combine(root, "stopped");
        using (var cancellation = new CancellationTokenSource())
        {
            var first = Train(stopped, resume: false, cancel: cancellation.Token,
                configure: t => t.StepCompleted += r => { if (r.Step == 5) cancellation.Cancel(); });
            Assert.Equal(5, first.Reports.Count);
            Assert.Equal([2L, 4L], first.Checkpoints);                       // a stopped run writes no checkpoint of step 5
        }
        var resumed = Train(stopped, resume: true, policyWeightsSeed: 99);  // other weights: they must come from checkpoint-4
        AssertSameRun(straight, resumed, resumedAt: 4);
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public void A_crash_while_writing_a_checkpoint_leaves_the_previous_one_usable_and_resuming_from_it_is_exact()
    {
        var root = Directory.CreateTempSubdirectory("grpo-crash-").FullName;
        var straight = StraightRun.Value.Run;
        var crashed = Path.Combine(root, "crashed");
        var error = Assert.Throws<IOException>(() => Train(crashed, resume: false, configure: t => t.SaveAlongside = folder =>
        {
            // The policy's weights are already in the temporary folder; the crash comes before the optimiser and state.
            if (Path.GetFileName(folder).StartsWith(".checkpoint-4.", StringComparison.Ordinal)) throw new IOException("disk full");
        }));
        Assert.Equal("disk full", error.Message);
        Assert.Equal([2L], CheckpointFolders.List(crashed).Select(c => c.Step));
        // A killed process gets no chance to clean up: leave what it would (a half-written temporary folder, and a
        // checkpoint-6 folder without its trainer state); neither may be taken for a checkpoint.
        var torn = Directory.CreateDirectory(Path.Combine(crashed, ".checkpoint-4.0123456789abcdef.tmp")).FullName;
        File.WriteAllBytes(Path.Combine(torn, "model.safetensors"), [1, 2, 3]);
        var incomplete = Directory.CreateDirectory(Path.Combine(crashed, "checkpoint-6")).FullName;
        File.Copy(Path.Combine(crashed, "checkpoint-2", "model.safetensors"), Path.Combine(incomplete, "model.safetensors"));
        Assert.EndsWith("checkpoint-2", CheckpointFolders.Latest(crashed));

        var resumed = Train(crashed, resume: true, policyWeightsSeed: 99);
        AssertSameRun(straight, resumed, resumedAt: 2);
        Assert.Empty(Directory.EnumerateDirectories(crashed, ".checkpoint-*.tmp"));   // pruned at the next save
        Directory.Delete(root, recursive: true);
    }
}
