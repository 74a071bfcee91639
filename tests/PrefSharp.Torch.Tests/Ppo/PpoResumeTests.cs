using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Ppo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Ppo;

/// <summary>
/// PPO checkpoints through the shared loop: a run killed after step k and resumed from its newest checkpoint ends
/// bit-identical to an uninterrupted one, value head included (its weights come from the checkpoint, not the caller).
/// </summary>
public sealed class PpoResumeTests
{
    private static readonly GrpoPrompt[] Prompts = [new("a", [5, 6]), new("b", [7]), new("c", [8, 9, 3])];

    private static readonly IGroupRewardSource Reward = PointwiseRewardSource.FromFunction("length", (_, text) => text.Length / 10.0);

    private static string Decode(IReadOnlyList<long> ids) => string.Join(' ', ids);

    private const int Steps = 5;

    private static Dictionary<string, Tensor> Train(string output, bool resume, int headSeed, CancellationToken cancel = default,
        Action<PpoTrainer>? configure = null)
    {
        using var policy = TinyConfigs.Create("gpt2", seed: resume ? 77 : 5);   // a resumed policy's weights must come from the checkpoint
        using var reference = TinyConfigs.Create("gpt2", seed: 5);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        using var head = new ValueHead(policy.Config.HiddenSize);
        if (headSeed != 0) using (no_grad()) foreach (var p in head.parameters()) p.normal_(0, headSeed);
        var options = PpoTrainerTests.Options(output, Steps) with { PromptsPerStep = 4, MicroBatchSize = 2 };
        options = options with { Training = options.Training with { CheckpointEvery = 2, KeepLastCheckpoints = 2 } };
        using var trainer = new PpoTrainer(policy, head, Prompts, Reward, Decode, options, reference, progress: ProgressReporter.Silent);
        configure?.Invoke(trainer);
        if (resume) Assert.True(trainer.ResumeFromLatest(), $"no checkpoint in {output}");
        trainer.Run(cancel);
        return policy.Module.named_parameters().Concat(head.named_parameters().Select(p => ($"value.{p.name}", p.parameter)))
            .ToDictionary(p => p.Item1, p => p.Item2.detach().clone());
    }

    [Fact]
    public void A_killed_and_resumed_run_ends_bit_identical_to_a_straight_one()
    {
        var straight = Train(Directory.CreateTempSubdirectory("ppo-straight-").FullName, resume: false, headSeed: 0);
        var output = Directory.CreateTempSubdirectory("ppo-killed-").FullName;
        using (var cancellation = new CancellationTokenSource())
            Train(output, resume: false, headSeed: 0, cancellation.Token,
                trainer => trainer.StepCompleted += report => { if (report.Step == 3) cancellation.Cancel(); });
        var resumed = Train(output, resume: true, headSeed: 1);
        foreach (var (name, expected) in straight) TensorAssert.BitIdentical(expected, resumed[name], name);
    }
}
