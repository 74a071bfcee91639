using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Bench.Benchmarks;

/// <summary>
/// <c>prefsharp serve</c> under 16 concurrent clients over loopback HTTP, each sending 2 text completions of 64 tokens
/// (temperature 1, no seed), to a Llama-style model (d = 256, 4 layers, byte-level vocabulary): continuous batching of
/// up to 16 sequences, rows leaving and joining at every step (value), against the same server decoding one request at a time (bound, <c>--max-batch 1</c>).
/// Tokens are the completion tokens the server reports. ratio = speed-up (target ≥ 4).
/// </summary>
public sealed class ServeBatchingBenchmark : IBenchmark
{
    private const int Clients = 16;
    private const int RequestsPerClient = 2;
    private const int MaxTokens = 64;

    public string Name => "serve-batching";

    public string Description => "serve: completion tokens/s for 16 concurrent clients, continuous batching (value) vs one request at a time (bound)";

    public IEnumerable<BenchResult> Run(BenchContext context)
    {
        TorchRuntime.EnsureInitialized();
        var batched = Measure(context, maxBatchRows: Clients).GetAwaiter().GetResult();
        var sequential = Measure(context, maxBatchRows: 1).GetAwaiter().GetResult();
        yield return new BenchResult(Name, "completion_tokens_per_second", batched, "tokens/s", sequential, batched / sequential);
    }

    private static async Task<double> Measure(BenchContext context, int maxBatchRows)
    {
        manual_seed(context.Seed);
        var model = CausalLM.Create(ModelConfigJson.Parse("""
            {"model_type": "llama", "vocab_size": 259, "hidden_size": 256, "intermediate_size": 688,
             "num_hidden_layers": 4, "num_attention_heads": 8, "num_key_value_heads": 4,
             "max_position_embeddings": 512, "initializer_range": 0.05}
            """));
        model.Module.eval();
        var options = new ServeOptions { Port = 0, MaxBatchRows = maxBatchRows, MaxChoices = 1, QueueLength = Clients * RequestsPerClient };
        var catalog = new ModelCatalog().Add(new ServedPolicy("bench", model, ByteLevelTokenizer.WithChatMl(), maxBatchRows, options.QueueLength));
        await using var server = await ModelServer.StartAsync(options, catalog);
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
        await Complete(http, "warm-up");
        var watch = Stopwatch.StartNew();
        var tokens = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async client =>
        {
            var sum = 0;
            for (var r = 0; r < RequestsPerClient; r++) sum += await Complete(http, $"client {client} asks question {r}:");
            return sum;
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var rate = tokens.Sum() / seconds;
        context.Log($"max batch {maxBatchRows}: {tokens.Sum()} tokens in {seconds:F2} s = {rate:F0} tokens/s");
        return rate;
    }

    private static async Task<int> Complete(HttpClient http, string prompt)
    {
        using var response = await http.PostAsJsonAsync("v1/completions", new JsonObject
        {
            ["model"] = "bench", ["prompt"] = prompt, ["max_tokens"] = MaxTokens, ["temperature"] = 1.0,
        });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<JsonNode>();
        return answer!["usage"]!["completion_tokens"]!.GetValue<int>();
    }
}
