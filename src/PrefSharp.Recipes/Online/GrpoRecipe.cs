using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards.Shaping;
using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// Online GRPO end to end (<see cref="GrpoTrainer"/>, Shao et al. 2024): tokenize the prompts through the template,
/// load the policy and a frozen reference (<see cref="OnlinePolicy"/>), build the reward from its terms
/// (<see cref="ComposedReward"/>; PAR and log-sigmoid read <see cref="ReferenceResponses"/> of the frozen reference;
/// normalise-then-sum switches the advantages to batch scaling, TRL's second normalisation), train (resuming when
/// asked), and return the run's result with the reward's name. Checkpoints carry the policy's tokenizer files.
/// </summary>
public static class GrpoRecipe
{
    /// <summary>The run's result, the name of the reward it trained on, and the last step's diagnostics (null if none).</summary>
    public sealed record Outcome(GrpoTrainingResult Result, string RewardName, GrpoStepDiagnostics? Last);

    /// <summary>Runs <paramref name="options"/>; training progress and notes go to <paramref name="progress"/>.</summary>
    public static Outcome Run(GrpoRecipeOptions options, TextWriter progress)
    {
        using var run = OnlinePolicy.Load(options.ModelDirectory, options.Prompts, options.Chat);
        var trainerOptions = options.Trainer with { StopTokenIds = run.StopTokenIds, PadTokenId = run.PadTokenId };
        ReferenceResponses? references = null;
        using var reward = ComposedReward.Build(options.Rewards, options.Composition, options.Pairwise, options.JudgeModel, 1024,
            options.JudgeTimeoutSeconds, prompt => references!.For(prompt));
        var goldWorld = options.GoldWorld is { } name ? WorldCatalog.Get(name, "--gold") : reward.World;
        var promptIds = run.Prompts.DistinctBy(p => p.Text).ToDictionary(p => p.Text, p => p.Ids);
        references = new ReferenceResponses(run.Reference, text => promptIds[text], options.Composition.ReferenceSamples, new GenerationOptions
        {
            MaxNewTokens = trainerOptions.MaxCompletionLength, Temperature = trainerOptions.Temperature, StopTokenIds = trainerOptions.StopTokenIds,
            PadTokenId = trainerOptions.PadTokenId, Seed = trainerOptions.Training.Seed,
        }, run.Decode);
        if (options.Composition.Aggregation == RewardAggregationKind.NormalizeThenSum && trainerOptions.Estimator == AdvantageEstimator.Group)
            trainerOptions = trainerOptions with { Scaling = AdvantageScaling.Batch };   // GDPO's sum is whitened over the batch, as TRL does
        using var trainer = new GrpoTrainer(run.Policy, run.Prompts, reward.Source, run.Decode, trainerOptions,
            run.Reference, goldWorld is null ? null : goldWorld.GoldUtility, ProgressReporter.For(progress))
        {
            SaveAlongside = folder =>
            {
                run.SaveTokenizer(folder);
                ConstraintCheckpoint.Save(reward.Source, folder);
            },
        };
        if (options.Resume && trainer.ResumeFromLatest()) ConstraintCheckpoint.Restore(reward.Source, CheckpointFolders.Latest(trainerOptions.Training.OutputDirectory)!);
        var result = trainer.Run();
        return new Outcome(result, reward.Source.Name, result.Reports.Count > 0 ? result.Reports[^1].Diagnostics : null);
    }
}
