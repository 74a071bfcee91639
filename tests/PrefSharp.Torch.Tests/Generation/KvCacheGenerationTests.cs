using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Tests.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Generation;

/// <summary>Decoding with the KV cache gives exactly the tokens of full recomputation, batched with left padding.</summary>
public sealed class KvCacheGenerationTests
{
    internal static readonly IReadOnlyList<long>[] Prompts = [[5, 9, 17, 33, 40], [7, 3], [12, 60, 2 + 20]];

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Greedy_with_cache_equals_greedy_without_cache(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(Prompts, padTokenId: 0);
        var options = new GenerationOptions { Temperature = 0, MaxNewTokens = 12, StopAtEos = false };
        var cached = BatchGenerator.Generate(model, ids, mask, options);
        var uncached = BatchGenerator.Generate(model, ids, mask, options with { UseCache = false });
        Assert.Equal([3L, 12], cached.GeneratedTokens.shape);
        Assert.Equal(uncached.GeneratedTokens.data<long>().ToArray(), cached.GeneratedTokens.data<long>().ToArray());
        TensorAssert.Close(uncached.TokenLogProbs, cached.TokenLogProbs, 1e-4, "log-probs");
        Assert.True(cached.GeneratedTokens.unique().Item1.shape[0] > 3, "greedy output should not be a single repeated token");
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Each_row_of_a_left_padded_batch_equals_generating_its_prompt_alone(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        var options = new GenerationOptions { Temperature = 0, MaxNewTokens = 8, StopAtEos = false };
        var (ids, mask) = PromptBatch.LeftPad(Prompts, padTokenId: 0);
        var batched = BatchGenerator.Generate(model, ids, mask, options).GeneratedTokens;
        for (var row = 0; row < Prompts.Length; row++)
        {
            var (aloneIds, aloneMask) = PromptBatch.LeftPad([Prompts[row]], padTokenId: 0);
            var alone = BatchGenerator.Generate(model, aloneIds, aloneMask, options).GeneratedTokens;
            Assert.Equal(alone[0].data<long>().ToArray(), batched[row].data<long>().ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Returned_log_probs_equal_a_fresh_forward_over_the_generated_sequences(string family)
    {
        // The RL invariant: what the sampler reports is what a trainer recomputes with SequenceLogProbs (shifted by one).
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(Prompts, padTokenId: 0);
        var output = BatchGenerator.Generate(model, ids, mask, new GenerationOptions { MaxNewTokens = 10, Seed = 5, StopTokenIds = [20, 21, 22] });
        var (promptLength, steps) = (ids.shape[1], output.GeneratedTokens.shape[1]);
        using var noGrad = no_grad();
        var logits = model.forward(output.Sequences, output.AttentionMask).Logits;  // (B, P + N, V)
        var recomputed = SequenceLogProbs.Compute(logits.narrow(1, promptLength - 1, steps), output.GeneratedTokens, output.GeneratedMask);
        TensorAssert.Close(recomputed.PerToken, output.TokenLogProbs, 1e-4, "per-token log-probs");
    }

    [Fact]
    public void Generation_leaves_no_live_tensors_behind_and_restores_the_thread_count()
    {
        var threads = get_num_threads();
        using var model = TinyConfigs.Create("qwen2");
        var (ids, mask) = PromptBatch.LeftPad(Prompts, padTokenId: 0);
        using var idsOwned = ids;
        using var maskOwned = mask;
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 2; i++)
        {
            using var scope = NewDisposeScope();
            BatchGenerator.Generate(model, ids, mask, new GenerationOptions { MaxNewTokens = 6, Seed = i });
        }
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Equal(threads, get_num_threads());
    }
}
