using System.Diagnostics;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using static TorchSharp.torch;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// Generation throughput with the KV cache against full recomputation of the sequence at every step, on the same
/// Llama-style model (d = 256, 4 layers, 8 heads over 4 key/value heads, vocab 4096), batch 8, prompts of 16 tokens,
/// 256 new tokens, greedy. value = cached tokens/s, bound = uncached tokens/s, ratio = speed-up (target ≥ 10).
/// </summary>
public sealed class GenerateKvCacheBenchmark : IBenchmark
{
    private const int Batch = 8;
    private const int PromptLength = 16;
    private const int NewTokens = 256;

    public string Name => "generate-kvcache";

    public string Description => "generated tokens/s with the KV cache (value) vs recomputing the whole sequence (bound); ratio = speed-up";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        manual_seed(context.Seed);
        var config = ModelConfigJson.Parse("""
            {"model_type": "llama", "vocab_size": 4096, "hidden_size": 256, "intermediate_size": 688,
             "num_hidden_layers": 4, "num_attention_heads": 8, "num_key_value_heads": 4,
             "max_position_embeddings": 1024, "initializer_range": 0.05}
            """);
        using var model = CausalLM.Create(config);
        model.Module.eval();
        using var prompts = randint(0, config.VocabSize, [Batch, PromptLength]);
        using var mask = ones(Batch, PromptLength, ScalarType.Int64);
        var options = new GenerationOptions { Temperature = 0, MaxNewTokens = NewTokens, StopAtEos = false, Seed = context.Seed };

        Measure(model, prompts, mask, options with { MaxNewTokens = 8 }, context, "warm-up cached");
        Measure(model, prompts, mask, options with { MaxNewTokens = 8, UseCache = false }, context, "warm-up uncached");
        var cached = Measure(model, prompts, mask, options, context, "cached");
        var uncached = Measure(model, prompts, mask, options with { UseCache = false }, context, "uncached");
        yield return new BenchResult(Name, "tokens_per_second", cached, "tokens/s", uncached, cached / uncached);
    }

    private static double Measure(ICausalLM model, Tensor prompts, Tensor mask, GenerationOptions options,
        BenchContext context, string label)
    {
        using var scope = NewDisposeScope();
        var watch = Stopwatch.StartNew();
        var output = BatchGenerator.Generate(model, prompts, mask, options);
        var seconds = watch.Elapsed.TotalSeconds;
        var tokens = output.GeneratedMask.sum().item<long>();
        var rate = tokens / seconds;
        context.Log($"{label}: {tokens} tokens in {seconds:F2} s = {rate:F0} tokens/s");
        return rate;
    }
}
