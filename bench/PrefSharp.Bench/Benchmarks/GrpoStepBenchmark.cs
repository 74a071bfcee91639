using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Logging;
using static TorchSharp.torch;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// One GRPO step of <see cref="GrpoTrainer"/> split into its phases, on a Llama-style policy (d = 128, 2 layers,
/// byte-level vocabulary of 257) with a reward model on the same backbone shape, sorting-world prompts, B = 2 prompts
/// × G = 8 completions of up to 32 tokens, μ = 2 updates, β = 0.04 (so the reference forward is included).
/// Per phase, the median over 5 steps: seconds per step (value; bound = the whole step, ratio = share) and tokens/s (value; bound = the
/// tokens/s of one no-grad forward of the policy over the same B·G sequences, ratio = value / bound).
/// Generation = sampling with the KV cache + the reference forward; scoring = the reward model over prompt +
/// completion; training = μ forward/backward passes and AdamW updates.
/// </summary>
public sealed class GrpoStepBenchmark : IBenchmark
{
    private const int Steps = 5;

    public string Name => "grpo-step";

    public string Description => "GRPO step split into generation / scoring / training: s/step (bound: whole step) and tokens/s (bound: one no-grad forward)";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        manual_seed(context.Seed);
        var config = ModelConfigJson.Parse("""
            {"model_type": "llama", "vocab_size": 257, "hidden_size": 128, "intermediate_size": 344,
             "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2,
             "max_position_embeddings": 256, "initializer_range": 0.05, "eos_token_id": 256}
            """);
        using var policy = CausalLM.Create(config);
        using var reference = CausalLM.Create(config);
        using var rewardModel = new RewardModel(new RewardModelConfig { Backbone = config });
        var tokenizer = new ByteLevelTokenizer();
        var world = WorldCatalog.Get("sorting");
        var random = new Random(context.Seed);
        var prompts = Enumerable.Range(0, 64).Select(_ => world.SamplePrompt(random))
            .Select(p => new GrpoPrompt(p, tokenizer.Encode(p).Select(id => (long)id).ToArray())).ToList();
        var reward = PointwiseRewardSource.FromRewardModel(rewardModel, (p, c) => TokenizedSequence.PromptCompletion(
            tokenizer.Encode(p), [.. tokenizer.Encode(c), 256]), batchSize: 32);
        var options = new GrpoTrainerOptions
        {
            GroupSize = 8, PromptsPerStep = 2, MaxCompletionLength = 32, Iterations = 2, MicroBatchSize = 32, PadTokenId = 256,
            Loss = new GrpoLossOptions { Beta = 0.04 },
            Training = new() { LearningRate = 1e-5, WeightDecay = 0, MaxSteps = Steps + 1, OutputDirectory = context.ScratchDirectory },
        };
        using var trainer = new GrpoTrainer(policy, prompts, reward, ids => tokenizer.Decode(ids.Select(i => (int)i)), options,
            reference, world.GoldUtility, ProgressReporter.Silent);
        trainer.TrainStep();                                                 // warm-up: JIT, allocator, AdamW moments
        var reports = Enumerable.Range(0, Steps).Select(_ => trainer.TrainStep()).ToList();
        foreach (var r in reports) context.Log($"step {r.Step}: generation {r.GenerationSeconds:F2} s, scoring {r.ScoringSeconds:F2} s, training {r.TrainingSeconds:F2} s");
        var bound = ForwardTokensPerSecond(policy, prompts, options);
        double Mean(Func<GrpoStepReport, double> f) => Median(reports.Select(f));                    // median: robust on a shared machine
        var step = Mean(r => r.GenerationSeconds + r.ScoringSeconds + r.TrainingSeconds);
        var phases = new (string Name, double Seconds, double Tokens)[]
        {
            ("generation", Mean(r => r.GenerationSeconds), Mean(r => r.GeneratedTokens)),
            ("scoring", Mean(r => r.ScoringSeconds), Mean(r => r.ScoredTokens)),
            ("training", Mean(r => r.TrainingSeconds), Mean(r => r.TrainedTokens)),
        };
        context.Log($"{Steps} steps, median {step:F2} s/step; one no-grad forward: {bound:F0} tokens/s");
        foreach (var (name, seconds, tokens) in phases)
        {
            context.Log($"{name}: {seconds:F3} s/step, {tokens:F0} tokens, {tokens / seconds:F0} tokens/s");
            yield return new BenchResult(Name, $"{name}_seconds_per_step", seconds, "s", step, seconds / step);
            yield return new BenchResult(Name, $"{name}_tokens_per_second", tokens / seconds, "tokens/s", bound, tokens / seconds / bound);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Tokens/s of one no-grad forward of the policy over B·G prompt + 32-token sequences (best of 3).</summary>
    private static double ForwardTokensPerSecond(ICausalLM policy, IReadOnlyList<GrpoPrompt> prompts, GrpoTrainerOptions options)
    {
        var rows = options.PromptsPerStep * options.GroupSize;
        var sequences = Enumerable.Range(0, rows).Select(i => TokenizedSequence.PromptCompletion(
            prompts[i % prompts.Count].Ids.Select(id => (int)id).ToArray(), Enumerable.Repeat(65, options.MaxCompletionLength).ToArray())).ToList();
        using var batch = SequenceBatch.Collate(sequences, 256);
        var tokens = batch.AttentionMask.sum().item<long>();
        var best = double.MaxValue;
        using var noGrad = no_grad();
        for (var i = 0; i < 3; i++)
        {
            using var scope = NewDisposeScope();
            best = Math.Min(best, BenchContext.Seconds(() => PrefSharp.Torch.LogProbs.CompletionLogProbs.Compute(policy, batch)));
        }
        return tokens / best;
    }
}
