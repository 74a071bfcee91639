using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Tests;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Tests.Demo;

/// <summary>Sampling and scoring of demo policies: log-probs against a hand-rolled forward loop, KL to itself, gold and diversity recomputed.</summary>
public sealed class PolicyScorecardTests
{
    private static readonly string[] Prompts = ["food", "sea", "music"];

    internal static ICausalLM TinyPolicy(int seed, int vocabulary = 257, int eos = 256)
    {
        manual_seed(seed);
        return CausalLM.Create(new ModelConfig
        {
            Family = ModelFamily.Llama, VocabSize = vocabulary, HiddenSize = 32, NumLayers = 1, NumHeads = 2, NumKeyValueHeads = 2,
            IntermediateSize = 64, MaxPositions = 64, TieWordEmbeddings = true, InitializerRange = 0.5, EosTokenIds = [eos],
        });
    }

    [Fact]
    public void A_policy_against_itself_has_KL_exactly_zero_and_gold_is_the_mean_over_decoded_samples()
    {
        using var model = TinyPolicy(3);
        var tokenizer = new ByteLevelTokenizer();
        using var policy = new PolicySampler(model, tokenizer);
        var world = new LexiconWorld();
        var score = PolicyScorecard.Score(policy, policy, world, Prompts, samplesPerPrompt: 4, seed: 5, proxy: PolicyScorecard.PerItem((_, r) => r.Length), maxNewTokens: 6);

        Assert.Equal(12, score.Samples.Count);
        Assert.Equal(0.0, score.Kl);                               // identical teacher-forced log-probs, difference exactly 0
        // rows are grouped by prompt: food ×4, sea ×4, music ×4; gold recomputed from the ids, decoded and trimmed
        var gold = Enumerable.Range(0, 12).Average(i => world.GoldUtility(Prompts[i / 4], tokenizer.Decode(score.Samples.CompletionIds[i]).Trim()));
        Assert.Equal(gold, score.GoldUtility, 12);
        Assert.Equal(Enumerable.Range(0, 12).Average(i => (double)score.Samples.Responses[i].Length), score.ProxyReward!.Value, 12);
        Assert.All(score.Samples.LogProbs, lp => Assert.True(lp < 0));
    }

    [Fact]
    public void Sequence_log_probs_equal_a_token_by_token_sum_and_KL_is_the_mean_difference()
    {
        using var first = TinyPolicy(3);
        using var second = TinyPolicy(4);
        var tokenizer = new ByteLevelTokenizer();
        using var policy = new PolicySampler(first, tokenizer);
        using var reference = new PolicySampler(second, tokenizer);
        var samples = policy.Sample(["sea"], 3, seed: 9, maxNewTokens: 5);
        var again = policy.Sample(["sea"], 3, seed: 9, maxNewTokens: 5);
        Assert.Equal(samples.Responses, again.Responses);           // seeded

        double Reference(ICausalLM model, int i)
        {
            // log π(y|x) = Σ_t log softmax(logits(x, y_<t))[y_t], one full forward per completion token
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var ids = samples.PromptIds[i].ToList();
            var total = 0.0;
            foreach (var token in samples.CompletionIds[i])
            {
                var logits = model.forward(tensor(ids.Select(x => (long)x).ToArray()).unsqueeze(0)).Logits[0, -1];
                total += logits.log_softmax(-1)[token].to_type(ScalarType.Float64).item<double>();
                ids.Add(token);
            }
            return total;
        }
        // The sampler's batched, cached forward and the one-sequence forwards above order their float32 sums differently:
        // each log π is off by ≤ the decoder's bound on its tokens. A log-prob of the wrong position or token misses by ≥ 0.1.
        double Tolerance(ICausalLM model, int i) => FloatTolerance.Of(ScalarType.Float32,
            FloatTolerance.DecoderOperations(model.Config, samples.PromptIds[i].Count + samples.CompletionIds[i].Count), Reference(model, i));
        for (var i = 0; i < samples.Count; i++) Assert.Equal(Reference(first, i), samples.LogProbs[i], Tolerance(first, i));
        var score = PolicyScorecard.Score(samples, reference, new LexiconWorld());
        var kl = Enumerable.Range(0, samples.Count).Average(i => Reference(first, i) - Reference(second, i));
        Assert.Equal(kl, score.Kl, Enumerable.Range(0, samples.Count).Average(i => Tolerance(first, i) + Tolerance(second, i)));
        Assert.NotEqual(0.0, score.Kl);
    }

    [Fact]
    public void Policies_with_different_tokenizers_cannot_be_compared()
    {
        using var first = TinyPolicy(3);
        using var second = TinyPolicy(4, vocabulary: 259);
        using var policy = new PolicySampler(first, new ByteLevelTokenizer());
        using var reference = new PolicySampler(second, ByteLevelTokenizer.WithChatMl());
        var problem = Assert.Throws<ArgumentException>(() => PolicyScorecard.Score(policy, reference, new LexiconWorld(), Prompts, 1, seed: 1));
        Assert.Contains("share the tokenizer", problem.Message);
    }

    [Fact]
    public void A_policy_folder_saved_with_the_source_tokenizer_loads_and_scores_exactly_like_the_model_in_memory()
    {
        var root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "prefsharp-policy-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            using var model = TinyPolicy(5);
            var tokenizer = new ByteLevelTokenizer();
            var source = Path.Combine(root, "sft");
            TokenizerFiles.SaveByteLevel(tokenizer, source);
            Assert.Throws<ArgumentException>(() => PolicyFolder.Save(model, root, Path.Combine(root, "none")));   // root holds no tokenizer file

            var folder = PolicyFolder.Save(model, source, Path.Combine(root, "dpo"));
            using var inMemory = new PolicySampler(model, tokenizer);
            using var loaded = PolicySampler.Load(folder);
            var samples = inMemory.Sample(Prompts, 2, seed: 7, maxNewTokens: 6);
            Assert.Equal(samples.LogProbs, loaded.LogProbs(samples.PromptIds, samples.CompletionIds));   // the same weights, bit for bit
            Assert.Equal(0.0, PolicyScorecard.Score(samples, loaded, new LexiconWorld()).Kl);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
