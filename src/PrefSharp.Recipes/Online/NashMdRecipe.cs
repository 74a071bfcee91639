using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.NashMd;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// Online Nash-MD end to end (<see cref="NashMdTrainer"/>, Munos et al. 2024): tokenize the prompts through the
/// template, build the preference (<see cref="RewardSourceSpec"/>, always pairwise: a gym world's σ(margin), a GPM or
/// Bradley–Terry over a reward model, or a judge), load the policy and a frozen copy as π_ref, train. Checkpoints carry
/// the policy's tokenizer files; a gym preference also logs the world's gold utility.
/// </summary>
public static class NashMdRecipe
{
    /// <summary>The run's result and the name of the preference it trained against.</summary>
    public sealed record Outcome(TrainingResult Result, string PreferenceName);

    /// <summary>Runs <paramref name="options"/>; training progress and notes go to <paramref name="progress"/>.</summary>
    public static Outcome Run(NashMdRecipeOptions options, TextWriter progress)
    {
        using var run = OnlinePolicy.Load(options.ModelDirectory, options.Prompts, options.Chat);
        var trainerOptions = options.Trainer with { StopTokenIds = run.StopTokenIds, PadTokenId = run.PadTokenId };
        using var preference = RewardSourceSpec.Parse(options.Preference, pairwise: true, options.JudgeModel, 1024, "--preference",
            judgeTimeout: options.JudgeTimeoutSeconds);
        using var trainer = new NashMdTrainer(run.Policy, run.Reference, preference.Source, run.Prompts, run.Decode,
            trainerOptions, preference.World is { } world ? world.GoldUtility : null, ProgressReporter.For(progress))
        {
            SaveAlongside = run.SaveTokenizer,
        };
        if (options.Resume) trainer.ResumeFromLatest();
        return new Outcome(trainer.Run(), preference.Source.Name);
    }
}
