using System.CommandLine;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp serve --model DIR</c>: serves checkpoints over the OpenAI API until Ctrl+C.</summary>
public static class ServeCommand
{
    private static readonly Option<string[]> Model = new("--model") { Description = "A policy to serve: a checkpoint DIR or NAME=DIR, or a gym policy of known quality [NAME=]gym:WORLD@QUALITY (repeat for several)" };
    private static readonly Option<string[]> RewardModel = new("--reward-model") { Description = "A reward model to serve on /v1/score and /v1/preference, DIR or NAME=DIR" };
    private static readonly Option<string[]> Judge = new("--judge") { Description = "Serve a gym world's simulated annotator as judge model gym:WORLD" };
    private static readonly Option<string> Host = new("--host") { Description = "Address to bind; other than loopback needs --api-key", DefaultValueFactory = _ => "127.0.0.1" };
    private static readonly Option<int> Port = new("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 8000 };
    private static readonly Option<string?> ApiKey = new("--api-key") { Description = "Require Authorization: Bearer KEY (default: $PREFSHARP_API_KEY)" };
    private static readonly Option<int> MaxTokens = new("--max-tokens") { Description = "Largest max_tokens a request may ask for", DefaultValueFactory = _ => 512 };
    private static readonly Option<int> MaxChoices = new("--max-n") { Description = "Largest n (choices per prompt)", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> Queue = new("--queue") { Description = "Requests that may wait per model; more get 429", DefaultValueFactory = _ => 64 };
    private static readonly Option<int> MaxBatch = new("--max-batch") { Description = "Most sequences decoded together", DefaultValueFactory = _ => 16 };
    private static readonly Option<long> MaxBody = new("--max-body-bytes") { Description = "Largest request body; larger gets 413", DefaultValueFactory = _ => 1 << 20 };

    public static Command Create()
    {
        var command = new Command("serve", "Serve checkpoints over an OpenAI-compatible HTTP API (chat, completions, streaming; reward scores)")
        {
            Model, RewardModel, Judge, Host, Port, ApiKey, MaxTokens, MaxChoices, Queue, MaxBatch, MaxBody,
        };
        command.SetAction((parse, cancellation) => Run(parse, cancellation));
        return command.WithExamples(
            "prefsharp serve --model runs/sft --port 8000",
            "prefsharp serve --model policy=runs/sft --reward-model rm=runs/rm --host 0.0.0.0 --api-key $KEY",
            "prefsharp serve --judge gym:sorting --port 8001",
            "prefsharp serve --model weak=gym:lexicon@0.2 --model strong=gym:lexicon@0.9 --judge gym:lexicon");
    }

    private static async Task<int> Run(ParseResult parse, CancellationToken cancellation)
    {
        var options = new ServeOptions
        {
            Host = parse.GetValue(Host)!, Port = parse.GetValue(Port),
            ApiKey = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("PREFSHARP_API_KEY"),
            MaxTokens = parse.GetValue(MaxTokens), MaxChoices = parse.GetValue(MaxChoices), QueueLength = parse.GetValue(Queue),
            MaxBatchRows = parse.GetValue(MaxBatch), MaxBodyBytes = parse.GetValue(MaxBody),
        }.Validate();
        var policies = parse.GetValue(Model) ?? [];
        var rewardModels = parse.GetValue(RewardModel) ?? [];
        var judges = parse.GetValue(Judge) ?? [];
        if (policies.Length + rewardModels.Length + judges.Length == 0)
            throw new ArgumentException("give at least one --model, --reward-model or --judge", "--model");
        var catalog = CatalogLoader.Load(policies, rewardModels, judges, options);
        await using var server = await ModelServer.StartAsync(options, catalog, cancellation);
        var output = parse.InvocationConfiguration.Output;
        output.WriteLine($"serving {string.Join(", ", catalog.Names)} on {server.BaseUrl}v1 (Ctrl+C stops)");
        await output.FlushAsync(cancellation);
        await server.WaitForShutdownAsync(cancellation);
        return 0;
    }
}
