using System.Diagnostics;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Data;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// GRPO's micro-batch source for the shared loop, as TRL's GRPO trainer feeds the transformers Trainer: when its
/// buffer is empty it takes the next B prompts of the shuffled cycle, samples G completions each with the policy in
/// eval mode (<see cref="GrpoRollout"/>), scores them (<see cref="IGroupRewardSource"/>), computes the advantages and
/// the rollout's diagnostics, and splits the rows into micro-batches; the loop's accumulation takes exactly one
/// rollout per step. The sampler needs no saved state: each rollout draws from a generator seeded by (seed, step),
/// so the position in the prompt cycle is all a checkpoint keeps.
/// </summary>
internal sealed class GrpoRolloutSource(ICausalLM policy, ICausalLM? reference, IGroupRewardSource reward, IReadOnlyList<GrpoPrompt> prompts,
    Func<IReadOnlyList<long>, string> decode, Func<string, string, double>? gold, GrpoTrainerOptions options, Func<long> completedSteps)
    : IMicroBatchSource<GrpoMicroBatch>
{
    private readonly PromptCycle order = new(prompts.Count, options.Training.Seed);
    private readonly Queue<GrpoMicroBatch> pending = new();

    /// <summary>Micro-batches of one rollout: ⌈B·G / micro-batch size⌉.</summary>
    public int MicroBatchesPerRollout => (options.GroupSize * options.PromptsPerStep + options.MicroBatchSize - 1) / options.MicroBatchSize;

    /// <summary>The rollout the latest micro-batches came from.</summary>
    public GrpoRolloutStep? Current { get; private set; }

    public int ExampleCount => prompts.Count;

    public DataPosition Position => order.Position;

    public void Seek(DataPosition position)
    {
        order.Seek(position);
        pending.Clear();
    }

    public GrpoMicroBatch Next()
    {
        if (pending.Count == 0)
        {
            Current = Roll();
            foreach (var batch in Current.Split(options.MicroBatchSize)) pending.Enqueue(batch);
        }
        return pending.Dequeue();
    }

    private GrpoRolloutStep Roll()
    {
        var batchPrompts = order.Next(options.PromptsPerStep).Select(i => prompts[i]).ToList();
        var clock = Stopwatch.StartNew();
        policy.Module.eval();
        var rollout = Sample(batchPrompts);
        policy.Module.train();
        var generationSeconds = clock.Elapsed.TotalSeconds;
        var generatedTokens = rollout.Completions.Sum(c => (long)c.Count);

        clock.Restart();
        var size = options.GroupSize;
        var texts = rollout.Completions.Select(decode).ToArray();
        var groups = batchPrompts.Select((p, b) => new CompletionGroup(p.Text, texts.AsSpan(b * size, size).ToArray())).ToList();
        var scores = reward.Score(groups);
        if (scores.Rewards.Length != texts.Length)
            throw new InvalidOperationException($"reward source {reward.Name} returned {scores.Rewards.Length} rewards for {texts.Length} completions");
        var scoringSeconds = clock.Elapsed.TotalSeconds;
        var scoredTokens = batchPrompts.Sum(p => (long)p.Ids.Count * size) + generatedTokens;

        var rewards = tensor(scores.Rewards);
        var advantages = options.Estimator == AdvantageEstimator.LeaveOneOut
            ? LeaveOneOutAdvantages.Compute(rewards, size)
            : GroupAdvantages.Compute(rewards, size, options.Scaling);
        var diagnostics = GrpoRolloutDiagnostics.Measure(batchPrompts, rollout, texts, scores, rewards, advantages, gold);
        var truncated = options.MaskTruncatedCompletions ? TruncatedCompletions.Find(rollout.Completions, options.MaxCompletionLength, Stops()) : null;
        return new GrpoRolloutStep(rollout, advantages.to(ScalarType.Float32), diagnostics, generationSeconds, scoringSeconds, generatedTokens, scoredTokens,
            truncated);
    }

    /// <summary>The step's rollout; a policy whose logits went non-finite is a <see cref="Guards.TrainingDivergedException"/> at this step.</summary>
    private Rollout Sample(List<GrpoPrompt> batchPrompts)
    {
        try
        {
            using var noGrad = no_grad();
            return GrpoRollout.Generate(policy, batchPrompts.Select(p => p.Ids).ToList(), options.GroupSize, Generation(), reference);
        }
        catch (NonFiniteLogitsException)
        {
            throw new Guards.TrainingDivergedException(completedSteps() + 1, "policy's logits (while sampling)", double.NaN,
                Checkpointing.CheckpointFolders.Latest(options.Training.OutputDirectory));
        }
    }

    private HashSet<long> Stops() => [.. options.StopTokenIds, .. policy.Config.EosTokenIds];

    private GenerationOptions Generation() => new()
    {
        MaxNewTokens = options.MaxCompletionLength, Temperature = options.Temperature, TopK = options.TopK, TopP = options.TopP,
        StopTokenIds = options.StopTokenIds, PadTokenId = options.PadTokenId, Seed = options.Training.Seed * 1_000_003L + completedSteps(),
    };
}
