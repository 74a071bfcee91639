using System.Diagnostics;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Rollouts;

/// <summary>
/// The sampling and scoring half of every online method (GRPO, RLOO, PPO, P3O): takes the next B prompts of the
/// shuffled <see cref="PromptCycle"/>, samples G completions each with the policy in eval mode (<see cref="GrpoRollout"/>),
/// decodes them and scores them with an <see cref="IGroupRewardSource"/>. It needs no saved state: each rollout draws
/// from a generator seeded by (seed, step), so the position in the prompt cycle is all a checkpoint keeps.
/// </summary>
public sealed class RolloutSampler(ICausalLM policy, ICausalLM? reference, IGroupRewardSource reward, IReadOnlyList<GrpoPrompt> prompts,
    Func<IReadOnlyList<long>, string> decode, RolloutSampling settings, Func<long> completedSteps)
{
    private readonly PromptCycle order = new(prompts.Count, settings.Seed);

    /// <summary>Throws <see cref="ArgumentException"/> when there is no prompt or a prompt has no tokens.</summary>
    public static void CheckPrompts(IReadOnlyList<GrpoPrompt> prompts)
    {
        if (prompts.Count == 0) throw new ArgumentException("no prompts to train on", nameof(prompts));
        if (prompts.FirstOrDefault(p => p.Ids.Count == 0) is { } empty)
            throw new ArgumentException($"prompt \"{empty.Text}\" has no tokens; every prompt needs at least one", nameof(prompts));
    }

    /// <summary>Number of prompts in the cycle.</summary>
    public int PromptCount => prompts.Count;

    /// <summary>The pass over the prompts and the index of the next one.</summary>
    public DataPosition Position => order.Position;

    /// <summary>Moves the prompt cycle to <paramref name="position"/> (from a checkpoint).</summary>
    public void Seek(DataPosition position) => order.Seek(position);

    /// <summary>Samples and scores the next rollout.</summary>
    public ScoredRollout Next()
    {
        var batchPrompts = order.Next(settings.PromptsPerStep).Select(i => prompts[i]).ToList();
        var clock = Stopwatch.StartNew();
        policy.Module.eval();
        var rollout = Sample(batchPrompts);
        policy.Module.train();
        var generationSeconds = clock.Elapsed.TotalSeconds;
        var generatedTokens = rollout.Completions.Sum(c => (long)c.Count);

        clock.Restart();
        var size = settings.GroupSize;
        var texts = rollout.Completions.Select(decode).ToArray();
        var groups = batchPrompts.Select((p, b) => new CompletionGroup(p.Text, texts.AsSpan(b * size, size).ToArray())).ToList();
        var scores = reward.Score(groups);
        if (scores.Rewards.Length != texts.Length)
            throw new InvalidOperationException($"reward source {reward.Name} returned {scores.Rewards.Length} rewards for {texts.Length} completions");
        var scoredTokens = batchPrompts.Sum(p => (long)p.Ids.Count * size) + generatedTokens;
        return new ScoredRollout(batchPrompts, rollout, texts, scores, generationSeconds, clock.Elapsed.TotalSeconds, generatedTokens, scoredTokens);
    }

    /// <summary>The step's rollout; a policy whose logits went non-finite is a <see cref="Guards.TrainingDivergedException"/> at this step.</summary>
    private Rollout Sample(List<GrpoPrompt> batchPrompts)
    {
        try
        {
            using var noGrad = no_grad();
            return GrpoRollout.Generate(policy, batchPrompts.Select(p => p.Ids).ToList(), settings.GroupSize, Generation(), reference);
        }
        catch (NonFiniteLogitsException)
        {
            throw new Guards.TrainingDivergedException(completedSteps() + 1, "policy's logits (while sampling)", double.NaN,
                Checkpointing.CheckpointFolders.Latest(settings.OutputDirectory));
        }
    }

    private GenerationOptions Generation() => new()
    {
        MaxNewTokens = settings.MaxCompletionLength, Temperature = settings.Temperature, TopK = settings.TopK, TopP = settings.TopP,
        StopTokenIds = settings.StopTokenIds, PadTokenId = settings.PadTokenId, Seed = settings.Seed * 1_000_003L + completedSteps(),
    };
}
