using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Ppo;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// Online PPO or P3O end to end (<see cref="PpoTrainer"/>): the policy side (<see cref="OnlinePolicy"/>), the reward
/// (<see cref="RewardSourceSpec"/>), the value model (<see cref="Critic"/>), training (resuming when asked), and the
/// run's result with the reward's name. Checkpoints carry the tokenizer files and the value model in <c>value/</c>.
/// </summary>
public static class PpoRecipe
{
    /// <summary>The run's result, the name of the reward it trained on, and the last step's diagnostics (null if none).</summary>
    public sealed record Outcome(PpoTrainingResult Result, string RewardName, PpoStepDiagnostics? Last);

    /// <summary>Runs <paramref name="options"/>; training progress and notes go to <paramref name="progress"/>.</summary>
    public static Outcome Run(PpoRecipeOptions options, TextWriter progress)
    {
        using var run = OnlinePolicy.Load(options.ModelDirectory, options.Prompts, options.Chat);
        var trainerOptions = options.Trainer with { StopTokenIds = run.StopTokenIds, PadTokenId = run.PadTokenId };
        using var reward = RewardSourceSpec.Parse(options.Reward, pairwise: false, options.JudgeModel, 1024, judgeTimeout: options.JudgeTimeoutSeconds);
        var goldWorld = options.GoldWorld is { } name ? WorldCatalog.Get(name, "--gold") : reward.World;
        using var critic = trainerOptions.Algorithm == PpoAlgorithm.Ppo ? Critic(options.Critic, run.Policy) : null;
        using var trainer = new PpoTrainer(run.Policy, critic?.Value, run.Prompts, reward.Source, run.Decode, trainerOptions,
            run.Reference, goldWorld is null ? null : goldWorld.GoldUtility, ProgressReporter.For(progress))
        {
            SaveAlongside = run.SaveTokenizer,
        };
        if (options.Resume) trainer.ResumeFromLatest();
        var result = trainer.Run();
        return new Outcome(result, reward.Source.Name, result.Reports.Count > 0 ? result.Reports[^1].Diagnostics : null);
    }

    /// <summary>The value model a <c>--critic</c> value names, owning what it loads.</summary>
    public sealed record OwnedCritic(IValueModel Value, IDisposable Owned) : IDisposable
    {
        public void Dispose() => Owned.Dispose();
    }

    /// <summary>"head": a zero-initialised head on the policy; "rm:DIR": a critic initialised from that scalar reward model.</summary>
    public static OwnedCritic Critic(string spec, ICausalLM policy)
    {
        if (spec == "head")
        {
            var head = new ValueHead(policy.Config.HiddenSize);
            return new OwnedCritic(head, head);
        }
        if (!spec.StartsWith("rm:", StringComparison.Ordinal) || spec.Length == 3)
            throw new ArgumentException($"--critic: unknown value model '{spec}'; expected head or rm:DIR", "--critic");
        var directory = spec[3..];
        if (!Directory.Exists(directory)) throw new ArgumentException($"--critic: reward model folder {directory} does not exist", "--critic");
        var model = RewardCheckpoint.Load(directory);
        if (model.Config.NumLabels != 1 || model.Config.IsGeneralPreference)
        {
            model.Dispose();
            throw new ArgumentException($"--critic rm:{directory}: a critic needs a scalar reward model (num_labels = 1), found num_labels = {model.Config.NumLabels}", "--critic");
        }
        if (model.Config.Backbone.VocabSize != policy.Config.VocabSize)
        {
            model.Dispose();
            throw new ArgumentException($"--critic rm:{directory}: its vocabulary has {model.Config.Backbone.VocabSize} tokens, the policy's " +
                $"{policy.Config.VocabSize}; the critic reads the policy's token ids, so it needs the policy's tokenizer", "--critic");
        }
        return new OwnedCritic(new RewardModelCritic(model), model);
    }
}
