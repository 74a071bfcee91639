using System.Globalization;
using PrefSharp.Core.Gym;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Dpo.Online;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The demo's "dpo" stage. From the SFT policy (<see cref="DemoProducts.SftCheckpoint"/>), for each round: sample two responses
/// per fresh world prompt from the current policy, have the run's simulated annotators pick one
/// (<see cref="AnnotatorPanelSource"/>, majority of several votes, weak majorities dropped by the margin filter), and train DPO (Rafailov et al. 2023, Eq. 7) plus α·NLL on
/// the chosen side (RPO, Liu et al. 2024; the same combination as Pang et al. 2024; <see cref="DpoStageSettings.NllWeight"/>) with <see cref="DpoTrainer"/>
/// against the SFT policy as a live frozen reference — the library's <see cref="OnlineDpo"/> loop. Round 1 is DPO on SFT samples; later rounds are on-policy (iterative DPO /
/// DNO-style). Reports gold utility of the final policy's samples on the held-out prompts against the SFT policy's
/// (same prompts, same seed), and KL(π ‖ π_SFT) estimated from samples (<see cref="PolicyScorecard"/>); registers the
/// policy "dpo" for the leaderboard.
/// </summary>
public sealed class DpoStage(DpoStageSettings? settings = null) : IDemoStage
{
    public string Name => "dpo";

    public DemoStage Run(DemoContext context)
    {
        var s = (settings ?? (context.Quick ? DpoStageSettings.Quick : DpoStageSettings.Default)).Validate();
        var sftFolder = context.Products.SftCheckpoint
            ?? throw new InvalidOperationException("the dpo stage starts from the sft stage's policy: run the sft stage first (no SFT checkpoint)");
        var folder = context.StageFolder(Name);
        using var threads = IntraOpThreadLimit.To(s.Threads);
        var annotators = context.Annotators.Count > 0 ? context.Annotators : AnnotatorSpec.Parse(AnnotatorSpec.Default);
        var heldOut = context.HeldOutPrompts();
        using var sft = PolicySampler.Load(sftFolder);
        var before = PolicyScorecard.Score(sft, sft, context.World, heldOut, s.ScoreSamplesPerPrompt, context.Seed + 11);

        using var policyModel = Checkpoint.Load(sftFolder);
        using var policy = new PolicySampler(policyModel, sft.Tokenizer);
        var random = new Random(unchecked(context.Seed + 4099));
        var options = new OnlineDpoOptions
        {
            SamplesPerPrompt = s.SamplesPerPrompt,
            Pairs = PairSelection.BestWorst,
            MinMargin = (double)s.MinVoteMargin / s.Votes,
            Seed = context.Seed,
            Dpo = new DpoOptions
            {
                Losses = s.NllWeight > 0 ? WeightedLoss.Rpo(s.NllWeight) : [new WeightedLoss(PreferenceLossType.Sigmoid)],
                LossOptions = new PreferenceLossOptions { Beta = s.Beta },
            },
            Training = new TrainingOptions
            {
                LearningRate = s.LearningRate, MaxSteps = s.StepsPerRound, MicroBatchSize = s.BatchSize, WarmupSteps = Math.Max(1, s.StepsPerRound / 10),
                LogEvery = 1000, CheckpointEvery = 0, KeepLastCheckpoints = 1, MaxSequenceLength = 128, OutputDirectory = folder,
            },
        };
        var labeller = new AnnotatorPanelSource(context.World, annotators, random, s.Votes);
        using var online = new OnlineDpo(policy, labeller, options, reference: sft.Model, gold: context.World.GoldUtility, progress: ProgressReporter.Silent);
        var rounds = new List<OnlineDpoRound>();
        for (var round = 1; round <= s.Rounds; round++)
        {
            var prompts = Enumerable.Range(0, s.PromptsPerRound).Select(_ => context.World.SamplePrompt(random)).ToList();
            var result = online.RunRound(round, prompts, random);
            rounds.Add(result);
            context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  dpo round {round}: {result.Pairs} pairs ({result.Dropped} ties dropped), mean gold gap chosen − rejected {result.GoldGap:F2}, train accuracy {result.Metrics["rewards/accuracies"]:P0}"));
        }

        var policyFolder = PolicyFolder.Save(policyModel, sftFolder, Path.Combine(folder, "policy"));
        context.RegisterPolicy(Name, policyFolder);
        var after = PolicyScorecard.Score(policy, sft, context.World, heldOut, s.ScoreSamplesPerPrompt, context.Seed + 11);
        return DpoStageReport.Row(Name, context, s, before, after, rounds);
    }
}
