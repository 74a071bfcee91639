using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.NashMd;

/// <summary>
/// Nash-MD's micro-batch source: per step, the next B prompts of the shuffled cycle (<see cref="PromptCycle"/>); for
/// each, one sample y of the policy (<see cref="GrpoRollout"/>, which also gives log π_ref) and one opponent y' of
/// the geometric mixture π_θ^(1−β)·π_ref^β (<see cref="BatchGenerator.GenerateMixture"/>), then P(y ≻ y' | x) from
/// a pairwise source asked about the group {y, y'}: for a group of two, the win rate of y is exactly P(y ≻ y').
/// Each step draws from generators seeded by (seed, step), so the prompt position is all a checkpoint keeps.
/// </summary>
internal sealed class NashMdRolloutSource(ICausalLM policy, ICausalLM reference, IGroupRewardSource preference,
    IReadOnlyList<GrpoPrompt> prompts, Func<IReadOnlyList<long>, string> decode, Func<string, string, double>? gold,
    NashMdOptions options, Func<long> completedSteps) : IMicroBatchSource<NashMdMicroBatch>
{
    private readonly PromptCycle order = new(prompts.Count, options.Training.Seed);
    private readonly Queue<NashMdMicroBatch> pending = new();

    /// <summary>Micro-batches of one step: ⌈B / micro-batch size⌉.</summary>
    public int MicroBatchesPerStep => (options.PromptsPerStep + options.MicroBatchSize - 1) / options.MicroBatchSize;

    public int ExampleCount => prompts.Count;

    public DataPosition Position => order.Position;

    public void Seek(DataPosition position)
    {
        order.Seek(position);
        pending.Clear();
    }

    public NashMdMicroBatch Next()
    {
        if (pending.Count == 0) Roll();
        return pending.Dequeue();
    }

    private void Roll()
    {
        var batchPrompts = order.Next(options.PromptsPerStep).Select(i => prompts[i]).ToList();
        var ids = batchPrompts.Select(p => p.Ids).ToList();
        var seed = options.Training.Seed * 1_000_003L + completedSteps();
        policy.Module.eval();
        Rollout samples;
        IReadOnlyList<long[]> opponents;
        using (no_grad())
        {
            samples = GrpoRollout.Generate(policy, ids, 1, Generation(seed), reference);
            var (promptIds, promptMask) = PromptBatch.LeftPad(ids, options.PadTokenId);
            opponents = BatchGenerator.GenerateMixture(policy, reference, options.MixtureCoefficient, promptIds, promptMask, Generation(seed + 500_009))
                .CompletionIds();
        }
        policy.Module.train();
        var texts = samples.Completions.Select(decode).ToList();
        var groups = batchPrompts.Select((p, b) => new CompletionGroup(p.Text, [texts[b], decode(opponents[b])])).ToList();
        var rates = preference.Score(groups).Rewards;
        var preferences = tensor(Enumerable.Range(0, groups.Count).Select(b => rates[2 * b]).ToArray());   // (B)
        var referenceLogProbs = (samples.RefLogProbs! * samples.ScoredMask()).sum(1);                     // (B)
        var golds = gold is null ? null : batchPrompts.Select((p, b) => gold(p.Text, texts[b])).ToArray();
        var batch = samples.Batch;
        for (var start = 0; start < groups.Count; start += options.MicroBatchSize)
        {
            var n = Math.Min(options.MicroBatchSize, groups.Count - start);
            pending.Enqueue(new NashMdMicroBatch(
                new SequenceBatch(batch.InputIds.narrow(0, start, n), batch.AttentionMask.narrow(0, start, n), batch.LossMask.narrow(0, start, n)),
                referenceLogProbs.narrow(0, start, n), preferences.narrow(0, start, n), golds?.Skip(start).Take(n).Sum()));
        }
    }

    private GenerationOptions Generation(long seed) => new()
    {
        MaxNewTokens = options.MaxCompletionLength, Temperature = options.Temperature, StopTokenIds = options.StopTokenIds,
        PadTokenId = options.PadTokenId, Seed = seed,
    };
}
