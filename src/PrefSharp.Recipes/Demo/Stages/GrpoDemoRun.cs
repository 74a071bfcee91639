using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The shared body of the demo's grpo and pref-grpo stages: GRPO from the SFT policy on fresh world prompts with the
/// given reward source, the same budget for both (<see cref="GrpoDemoSettings"/>), and the over-optimisation curve
/// read off the policy's own samples: step 0 is the SFT policy (the first rollout precedes any update), then
/// <see cref="GrpoDemoSettings.CurvePoints"/> windows of steps, each the mean gold utility, proxy reward and
/// sequence KL to the SFT policy of the samples drawn in it. Prompts and completions follow the gym's text
/// convention (the policy sees "PROMPT:" and writes " RESPONSE" then EOS); rewards and gold see the world prompt and
/// the trimmed response. The run trains the whole budget so that the curve shows over-optimisation, and keeps as the
/// stage's policy the one of the step at which the trailing KL of its rollouts reached
/// <see cref="GrpoDemoSettings.KlBudget"/> (<see cref="KlBudget"/>: early stopping at a KL budget fixed in advance, Gao
/// et al. 2023); the policy at the end of the budget is saved beside it for comparison.
/// </summary>
public static class GrpoDemoRun
{
    /// <summary>
    /// What a run produced: the curve, every step's diagnostics, the policy kept at the KL budget (the last one when the
    /// budget was never reached), the policy at the end of the budget, and the step whose policy was kept.
    /// </summary>
    public sealed record Result(IReadOnlyList<GrpoCurvePoint> Curve, IReadOnlyList<GrpoStepReport> Reports, string PolicyFolder,
        string FinalPolicyFolder, long KeptStep);

    /// <summary>
    /// The kept policy and the policy at the end of the budget scored on the run's held-out prompts
    /// (<see cref="PolicyScorecard"/>: gold, the proxy's mean, sequence KL to the SFT policy, distinct-n), as every demo
    /// stage reports it. Returns the kept policy's score and adds to <paramref name="metrics"/> the step it was kept at,
    /// the budget, its distinct-2, and the end-of-budget policy's gold and KL.
    /// </summary>
    public static PolicyScore HeldOut(DemoContext context, Result run, string sftFolder, IGroupRewardSource proxy, GrpoDemoSettings settings,
        Dictionary<string, double> metrics)
    {
        using var reference = PolicySampler.Load(sftFolder);
        PolicyScore Score(string folder)
        {
            using var policy = PolicySampler.Load(folder);
            return PolicyScorecard.Score(policy, reference, context.World, context.HeldOutPrompts(), 2, unchecked(context.Seed + 11),
                items => proxy.Score(items.Select(i => new CompletionGroup(i.Prompt, [i.Response])).ToList()).Rewards);
        }
        var kept = Score(run.PolicyFolder);
        var final = Score(run.FinalPolicyFolder);
        metrics["kl_budget"] = settings.KlBudget;
        metrics["kept_step"] = run.KeptStep;
        metrics["heldout_distinct_2"] = kept.Distinct2;
        metrics["heldout_gold_final"] = final.GoldUtility;
        metrics["heldout_kl_final"] = final.Kl;
        return kept;
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
                PadTokenId = tokenizer.PaddingId(), Loss = new GrpoLossOptions { Beta = settings.Beta },
                Training = new TrainingOptions
                {
                    LearningRate = settings.LearningRate, WeightDecay = 0, Schedule = LearningRateSchedule.Constant,
                    MaxSteps = settings.Steps, LogEvery = 1, Seed = context.Seed, KeepLastCheckpoints = 1,
                    OutputDirectory = Path.Combine(folder, "train"),
                },
            };
            using var trainer = new GrpoTrainer(policy, prompts, reward, ids => GymText.Response(tokenizer.Decode(ids.Select(id => (int)id))),
                options, reference, context.World.GoldUtility, ProgressReporter.Silent);
            var budget = new KlBudget(settings.KlBudget);
            var kept = Path.Combine(folder, "policy");
            trainer.StepCompleted += report =>
            {
                if (budget.ReachedAtStep is null && budget.Observe(report.Diagnostics.SequenceKl)) PolicyFolder.Save(policy, sftFolder, kept);
            };
            var result = trainer.Run();
            var final = PolicyFolder.Save(policy, sftFolder, Path.Combine(folder, "policy-final"));
            if (budget.ReachedAtStep is null) PolicyFolder.Save(policy, sftFolder, kept);
            return new Result(Curve(result.Reports, settings.CurvePoints), result.Reports, kept, final, budget.ReachedAtStep ?? result.Steps);
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
