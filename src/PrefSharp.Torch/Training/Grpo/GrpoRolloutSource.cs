using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Rollouts;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// GRPO's micro-batch source for the shared loop, as TRL's GRPO trainer feeds the transformers Trainer: when its
/// buffer is empty it samples and scores the next rollout (<see cref="RolloutSampler"/>: B prompts of the shuffled
/// cycle, G completions each), computes the advantages and the rollout's diagnostics, and splits the rows into
/// micro-batches; the loop's accumulation takes exactly one rollout per step.
/// </summary>
internal sealed class GrpoRolloutSource(ICausalLM policy, ICausalLM? reference, IGroupRewardSource reward, IReadOnlyList<GrpoPrompt> prompts,
    Func<IReadOnlyList<long>, string> decode, Func<string, string, double>? gold, GrpoTrainerOptions options, Func<long> completedSteps)
    : IMicroBatchSource<GrpoMicroBatch>
{
    private readonly RolloutSampler sampler = new(policy, reference, reward, prompts, decode, new RolloutSampling(options.GroupSize,
        options.PromptsPerStep, options.MaxCompletionLength, options.Temperature, options.TopK, options.TopP, options.StopTokenIds,
        options.PadTokenId, options.Training.Seed, options.Training.OutputDirectory), completedSteps);
    private readonly Queue<GrpoMicroBatch> pending = new();

    /// <summary>Micro-batches of one rollout: ⌈B·G / micro-batch size⌉.</summary>
    public int MicroBatchesPerRollout => (options.GroupSize * options.PromptsPerStep + options.MicroBatchSize - 1) / options.MicroBatchSize;

    /// <summary>The rollout the latest micro-batches came from.</summary>
    public GrpoRolloutStep? Current { get; private set; }

    public int ExampleCount => prompts.Count;

    public DataPosition Position => sampler.Position;

    public void Seek(DataPosition position)
    {
        sampler.Seek(position);
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
        var scored = sampler.Next();
        var size = options.GroupSize;
        var rewards = tensor(scored.Scores.Rewards);
        var advantages = options.Estimator switch
        {
            AdvantageEstimator.LeaveOneOut => LeaveOneOutAdvantages.Compute(rewards, size),
            AdvantageEstimator.MixedValueAtRisk => MixedValueAtRisk.Compute(rewards, size, options.Risk),
            _ => GroupAdvantages.Compute(rewards, size, options.Scaling),
        };
        var diagnostics = GrpoRolloutDiagnostics.Measure(scored.Prompts, scored.Rollout, scored.Texts, scored.Scores, rewards, advantages, gold);
        var truncated = options.MaskTruncatedCompletions
            ? TruncatedCompletions.Find(scored.Rollout.Completions, options.MaxCompletionLength, options.StopTokenIds.Concat(policy.Config.EosTokenIds).ToHashSet())
            : null;
        return new GrpoRolloutStep(scored.Rollout, advantages.to(ScalarType.Float32), diagnostics, scored.GenerationSeconds,
            scored.ScoringSeconds, scored.GeneratedTokens, scored.ScoredTokens, truncated);
    }
}
