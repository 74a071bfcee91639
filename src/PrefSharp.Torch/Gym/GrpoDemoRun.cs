using PrefSharp.Core.Gym.Demo;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Gym;

/// <summary>
/// The shared body of the demo's grpo and pref-grpo stages: GRPO from the SFT policy on fresh world prompts with the
/// given reward source, the same budget for both (<see cref="GrpoDemoSettings"/>), and the over-optimisation curve
/// read off the policy's own samples: step 0 is the SFT policy (the first rollout precedes any update), then
/// <see cref="GrpoDemoSettings.CurvePoints"/> windows of steps, each the mean gold utility, proxy reward and
/// sequence KL to the SFT policy of the samples drawn in it. Prompts and completions follow the gym's text
/// convention (the policy sees "PROMPT:" and writes " RESPONSE" then EOS); rewards and gold see the world prompt and
/// the trimmed response.
/// </summary>
public static class GrpoDemoRun
{
    /// <summary>What a run produced: the curve, every step's diagnostics and the final policy folder.</summary>
    public sealed record Result(IReadOnlyList<GrpoCurvePoint> Curve, IReadOnlyList<GrpoStepReport> Reports, string PolicyFolder);

    /// <summary>
    /// The policy in <paramref name="policyFolder"/> scored on the run's held-out prompts (<see cref="PolicyScorecard"/>:
    /// gold, the proxy's mean, sequence KL to the SFT policy, distinct-n), as every demo stage reports it.
    /// </summary>
    public static PolicyScore HeldOut(DemoContext context, string policyFolder, string sftFolder, IGroupRewardSource proxy)
    {
        using var policy = PolicySampler.Load(policyFolder);
        using var reference = PolicySampler.Load(sftFolder);
        return PolicyScorecard.Score(policy, reference, context.World, context.HeldOutPrompts(), 2, unchecked(context.Seed + 11),
            items => proxy.Score(items.Select(i => new CompletionGroup(i.Prompt, [i.Response])).ToList()).Rewards);
    }

    public static Result Run(DemoContext context, string stage, string sftFolder, IGroupRewardSource reward, GrpoDemoSettings settings)
    {
        settings.Validate();
        var threads = TorchSharp.torch.get_num_threads();
        if (settings.Threads > 0) TorchSharp.torch.set_num_threads(settings.Threads);
        try
        {
            var folder = context.StageFolder(stage);
            var tokenizer = TokenizerFiles.Load(sftFolder);
            var template = ChatTemplate.For(tokenizer, ChatTemplateKind.Plain);
            var random = new Random(unchecked(context.Seed * 7919 + 17));   // the same prompts for every online stage: equal compute
            var prompts = Enumerable.Range(0, settings.Prompts).Select(_ => context.World.SamplePrompt(random))
                .Select(p => new GrpoPrompt(p, GymText.PromptIds(template, p).Select(id => (long)id).ToArray())).ToList();
            using var policy = Checkpoint.Load(sftFolder);
            using var reference = Checkpoint.Load(sftFolder);
            foreach (var parameter in reference.Module.parameters()) parameter.requires_grad = false;
            var options = new GrpoTrainerOptions
            {
                GroupSize = settings.GroupSize, PromptsPerStep = settings.PromptsPerStep, MaxCompletionLength = settings.MaxNewTokens,
                Iterations = settings.Iterations, MicroBatchSize = settings.GroupSize * settings.PromptsPerStep,
                PadTokenId = tokenizer.PadId ?? tokenizer.EosId ?? 0, Loss = new GrpoLossOptions { Beta = settings.Beta },
                Training = new TrainingOptions
                {
                    LearningRate = settings.LearningRate, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
                    MaxSteps = settings.Steps, LogEvery = 1, Seed = context.Seed, KeepLastCheckpoints = 1,
                    OutputDirectory = Path.Combine(folder, "train"),
                },
            };
            using var trainer = new GrpoTrainer(policy, prompts, reward, ids => GymText.Response(tokenizer.Decode(ids.Select(id => (int)id))),
                options, reference, context.World.GoldUtility, ProgressReporter.Silent);
            var result = trainer.Run();
            var policyFolder = PolicyFolder.Save(policy, sftFolder, Path.Combine(folder, "policy"));
            return new Result(Curve(result.Reports, settings.CurvePoints), result.Reports, policyFolder);
        }
        finally
        {
            if (settings.Threads > 0) TorchSharp.torch.set_num_threads(threads);
        }
    }

    /// <summary>Step 0 from the first rollout, then the means over <paramref name="points"/> consecutive windows.</summary>
    public static IReadOnlyList<GrpoCurvePoint> Curve(IReadOnlyList<GrpoStepReport> reports, int points)
    {
        var first = reports[0].Diagnostics;
        var curve = new List<GrpoCurvePoint> { new(0, first.GoldReward ?? double.NaN, first.ProxyReward, first.SequenceKl) };
        for (var k = 1; k <= points; k++)
        {
            var from = (k - 1) * reports.Count / points;
            var to = k * reports.Count / points;
            var window = reports.Skip(from).Take(Math.Max(1, to - from)).Select(r => r.Diagnostics).ToList();
            curve.Add(new GrpoCurvePoint(to, window.Average(d => d.GoldReward ?? double.NaN), window.Average(d => d.ProxyReward),
                window.Average(d => d.SequenceKl)));
        }
        return curve;
    }
}
