using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Generation;

/// <summary>Seeded determinism, top-k = 1 as greedy, and stop tokens.</summary>
public sealed class SamplingTests
{
    private static long[] Tokens(GenerationOutput output) => output.GeneratedTokens.data<long>().ToArray();

    [Fact]
    public void The_same_seed_gives_the_same_tokens_and_another_seed_other_tokens()
    {
        using var model = TinyConfigs.Create("llama");
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(KvCacheGenerationTests.Prompts, padTokenId: 0);
        var options = new GenerationOptions { MaxNewTokens = 16, StopAtEos = false, Seed = 42, TopK = 20, TopP = 0.95, Temperature = 1.3 };
        var first = BatchGenerator.Generate(model, ids, mask, options);
        manual_seed(999);  // the global generator must not matter
        var second = BatchGenerator.Generate(model, ids, mask, options);
        var other = BatchGenerator.Generate(model, ids, mask, options with { Seed = 43 });
        Assert.Equal(Tokens(first), Tokens(second));
        Assert.Equal(first.TokenLogProbs.data<float>().ToArray(), second.TokenLogProbs.data<float>().ToArray());
        Assert.NotEqual(Tokens(first), Tokens(other));
    }

    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Top_k_of_one_equals_greedy(string family)
    {
        using var model = TinyConfigs.Create(family);
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(KvCacheGenerationTests.Prompts, padTokenId: 0);
        var greedy = BatchGenerator.Generate(model, ids, mask, new GenerationOptions { Temperature = 0, MaxNewTokens = 10, StopAtEos = false });
        var topOne = BatchGenerator.Generate(model, ids, mask, new GenerationOptions { TopK = 1, MaxNewTokens = 10, StopAtEos = false, Seed = 8 });
        Assert.Equal(Tokens(greedy), Tokens(topOne));
    }

    [Fact]
    public void Rows_stop_at_their_first_stop_token_then_pad_and_the_loop_ends_when_all_stopped()
    {
        using var model = TinyConfigs.Create("gpt2");
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(KvCacheGenerationTests.Prompts, padTokenId: 0);
        var free = new GenerationOptions { Temperature = 0, MaxNewTokens = 10, StopAtEos = false, PadTokenId = 63 };
        var freeTokens = BatchGenerator.Generate(model, ids, mask, free).GeneratedTokens;
        var stop = freeTokens[0, 2].item<long>();  // row 0 must stop at step 2 (or earlier if it appeared before)
        var stopped = BatchGenerator.Generate(model, ids, mask, free with { StopTokenIds = [stop] });
        var tokens = stopped.GeneratedTokens;
        var generated = stopped.GeneratedMask;
        for (var row = 0; row < 3; row++)
        {
            var full = freeTokens[row].data<long>().ToArray();
            var end = Array.IndexOf(full, stop);                          // first stop, or −1
            var steps = tokens.shape[1];
            for (var t = 0; t < steps; t++)
            {
                var live = end < 0 || t <= end;
                Assert.Equal(live ? 1L : 0L, generated[row, t].item<long>());
                Assert.Equal(live ? full[t] : 63L, tokens[row, t].item<long>());
                if (!live) Assert.Equal(0f, stopped.TokenLogProbs[row, t].item<float>());
            }
        }
        Assert.Equal(stopped.Sequences.narrow(1, ids.shape[1], tokens.shape[1]).data<long>().ToArray(), tokens.data<long>().ToArray());

        var everything = BatchGenerator.Generate(model, ids, mask, free with { StopTokenIds = [.. Enumerable.Range(0, 64).Select(i => (long)i)] });
        Assert.Equal([3L, 1], everything.GeneratedTokens.shape);  // every row stops after one token: one step
        Assert.Equal(3L, everything.GeneratedMask.sum().item<long>());
    }

    [Fact]
    public void Eos_from_the_config_stops_rows_unless_disabled()
    {
        using var model = TinyConfigs.Create("qwen2");  // eos_token_id [2, 3]
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(KvCacheGenerationTests.Prompts, padTokenId: 0);
        var output = BatchGenerator.Generate(model, ids, mask, new GenerationOptions { MaxNewTokens = 40, Seed = 1, Temperature = 2.0 });
        var tokens = output.GeneratedTokens;
        var generated = output.GeneratedMask;
        for (var row = 0; row < 3; row++)
        {
            var rowTokens = tokens[row].data<long>().ToArray();
            var end = Array.FindIndex(rowTokens, t => t is 2 or 3);
            var live = generated[row].sum().item<long>();
            Assert.Equal(end < 0 ? tokens.shape[1] : end + 1, live);
        }
    }
}
