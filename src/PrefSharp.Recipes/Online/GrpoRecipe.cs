using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// Online GRPO end to end (<see cref="GrpoTrainer"/>, Shao et al. 2024): tokenize the prompts through the template,
/// build the reward (<see cref="RewardSourceSpec"/>), load the policy and a frozen reference (<see cref="OnlinePolicy"/>),
/// train (resuming when asked), and return the run's result with the reward's name. Checkpoints carry the policy's
/// tokenizer files.
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
        using var reward = RewardSourceSpec.Parse(options.Reward, options.Pairwise, options.JudgeModel, 1024, judgeTimeout: options.JudgeTimeoutSeconds);
        var goldWorld = options.GoldWorld is { } name ? WorldCatalog.Get(name, "--gold") : reward.World;
        using var trainer = new GrpoTrainer(run.Policy, run.Prompts, reward.Source, run.Decode, trainerOptions,
            run.Reference, goldWorld is null ? null : goldWorld.GoldUtility, ProgressReporter.For(progress))
        {
            SaveAlongside = run.SaveTokenizer,
        };
        if (options.Resume && !trainer.ResumeFromLatest())
            progress.WriteLine($"--resume: no checkpoint in {trainerOptions.Training.OutputDirectory}; starting from step 0");
        var result = trainer.Run();
        return new Outcome(result, reward.Source.Name, result.Reports.Count > 0 ? result.Reports[^1].Diagnostics : null);
    }
}
