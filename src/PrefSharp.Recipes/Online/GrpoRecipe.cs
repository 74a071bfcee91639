using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// Online GRPO end to end (<see cref="GrpoTrainer"/>, Shao et al. 2024): tokenize the prompts through the template,
/// build the reward (<see cref="RewardSourceSpec"/>), load the policy and a frozen reference, train (resuming when
/// asked), and return the run's result with the reward's name. Checkpoints carry the policy's tokenizer files.
/// </summary>
public static class GrpoRecipe
{
    /// <summary>The run's result, the name of the reward it trained on, and the last step's diagnostics (null if none).</summary>
    public sealed record Outcome(GrpoTrainingResult Result, string RewardName, GrpoStepDiagnostics? Last);

    /// <summary>Runs <paramref name="options"/>; training progress and notes go to <paramref name="progress"/>.</summary>
    public static Outcome Run(GrpoRecipeOptions options, TextWriter progress)
    {
        var directory = options.ModelDirectory;
        var prompts = OnlinePrompts.Load(directory, options.Prompts, options.Chat);
        var trainerOptions = options.Trainer with { StopTokenIds = prompts.StopTokenIds, PadTokenId = prompts.PadTokenId };
        using var reward = RewardSourceSpec.Parse(options.Reward, options.Pairwise, options.JudgeModel, 1024, judgeTimeout: options.JudgeTimeoutSeconds);
        var goldWorld = options.GoldWorld is { } name ? WorldCatalog.Get(name, "--gold") : reward.World;
        using var policy = Checkpoint.Load(directory);
        using var reference = Checkpoint.Load(directory);
        foreach (var p in reference.Module.parameters()) p.requires_grad = false;
        using var trainer = new GrpoTrainer(policy, prompts.Prompts, reward.Source, prompts.Decode, trainerOptions,
            reference, goldWorld is null ? null : goldWorld.GoldUtility, ProgressReporter.For(progress))
        {
            SaveAlongside = folder => TokenizerFiles.CopyFiles(directory, folder),
        };
        if (options.Resume && !trainer.ResumeFromLatest())
            progress.WriteLine($"--resume: no checkpoint in {trainerOptions.Training.OutputDirectory}; starting from step 0");
        var result = trainer.Run();
        return new Outcome(result, reward.Source.Name, result.Reports.Count > 0 ? result.Reports[^1].Diagnostics : null);
    }
}
