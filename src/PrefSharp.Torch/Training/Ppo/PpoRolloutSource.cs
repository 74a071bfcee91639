using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Rollouts;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// PPO's micro-batch source for the shared loop: when its buffer is empty it samples and scores the next rollout
/// (<see cref="RolloutSampler"/>), prepares it (<see cref="PpoRollouts.Prepare"/>) and splits its rows into
/// micro-batches; the loop's accumulation takes exactly one rollout per step and its mini-batches and epochs are the
/// loop's updates. A checkpoint keeps the prompt-cycle position; sampling is seeded by (seed, step).
/// </summary>
internal sealed class PpoRolloutSource(ICausalLM policy, ICausalLM? reference, IValueModel? value, IGroupRewardSource reward,
    IReadOnlyList<GrpoPrompt> prompts, Func<IReadOnlyList<long>, string> decode, Func<string, string, double>? gold,
    PpoTrainerOptions options, Func<long> completedSteps) : IMicroBatchSource<PpoMicroBatch>
{
    private readonly RolloutSampler sampler = new(policy, reference, reward, prompts, decode, options.Sampling, completedSteps);
    private readonly Queue<PpoMicroBatch> pending = new();

    /// <summary>The rollout the latest micro-batches came from.</summary>
    public PpoRolloutStep? Current { get; private set; }

    public int ExampleCount => prompts.Count;

    public DataPosition Position => sampler.Position;

    public void Seek(DataPosition position)
    {
        sampler.Seek(position);
        pending.Clear();
    }

    public PpoMicroBatch Next()
    {
        if (pending.Count == 0)
        {
            Current = PpoRollouts.Prepare(sampler.Next(), policy, value, options, gold);
            foreach (var batch in Current.Split(options.MicroBatchSize)) pending.Enqueue(batch);
        }
        return pending.Dequeue();
    }
}
