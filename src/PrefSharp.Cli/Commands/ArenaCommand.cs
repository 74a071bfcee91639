using System.CommandLine;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking.Input;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Server.Arena;
using PrefSharp.Server.Arena.Content;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp arena [OUTPUTS…]</c>: a web application where invited annotators vote on pairs of anonymous answers,
/// with a live leaderboard and exports. Without outputs it runs on a gym world's prompts and policies of known quality.
/// </summary>
public static partial class ArenaCommand
{
    private static readonly Argument<string[]> Outputs = new("outputs") { Description = "Model outputs (AlpacaEval model_outputs.json or Arena-Hard answer JSONL); none: a gym world", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string?> Questions = new("--questions") { Description = "Arena-Hard question.jsonl (needed for Arena-Hard answers)" };
    private static readonly Option<string> World = new("--world") { Description = $"Without outputs: the gym world ({string.Join(", ", WorldCatalog.Names)})", DefaultValueFactory = _ => "lexicon" };
    private static readonly Option<int> Prompts = new("--prompts") { Description = "Without outputs: prompts drawn from the world", DefaultValueFactory = _ => 30 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Without outputs: seed of the prompts and answers", DefaultValueFactory = _ => 0 };
    private static readonly Option<string[]> Endpoints = new("--endpoint") { Description = "An OpenAI-compatible server answering every prompt at start, MODEL=URL (repeat; key from $PREFSHARP_ENDPOINT_API_KEY)" };
    private static readonly Option<string[]> Checkpoints = new("--model") { Description = "A PrefSharp checkpoint [NAME=]DIR, served in-process to answer every prompt at start (repeat)" };
    private static readonly Option<string[]> Import = new("--import") { Description = "Battles of an earlier arena (any battle format rank reads) to continue from; importing twice adds nothing" };

    public static Command Create()
    {
        Selection.AcceptOnlyFromAmong("uniform", "active");
        var reading = new ReadingOptions();
        var command = new Command("arena", "Collect human preferences in the browser: invite annotators, vote on anonymous pairs, rank live, export battles")
        {
            Outputs, Questions, World, Prompts, Seed, Endpoints, Checkpoints, Import, Database, Host, Port, Selection, Overlap, TlsCertificate, InsecureHttp, Rate, Burst, MaxBody,
        };
        reading.AddTo(command);
        command.SetAction((parse, cancellation) => Run(parse, reading, cancellation));
        return command.WithExamples(
            "prefsharp arena                                   # gym policies of known quality on http://127.0.0.1:8080",
            "prefsharp arena outputs/*.json --selection active --db team.db",
            "prefsharp arena answers/*.jsonl --questions question.jsonl --import old-battles.jsonl",
            "prefsharp arena --model dpo=runs/dpo --model sft=runs/sft   # your checkpoints against the gym's policies",
            "prefsharp arena --endpoint policy=http://127.0.0.1:8000   # a served model against the gym's policies",
            "prefsharp arena --host 0.0.0.0 --tls-cert arena.pfx   # other machines need TLS (or --insecure-http behind a proxy)");
    }

    private static async Task<int> Run(ParseResult parse, ReadingOptions reading, CancellationToken cancellation)
    {
        var options = Options(parse).Validate();
        var outputs = parse.GetValue(Outputs) ?? [];
        var endpoints = (parse.GetValue(Endpoints) ?? []).Select(spec => ArenaEndpoint.Parse(spec)).ToList();
        var withCheckpoints = await CheckpointAnswers.AddAsync(outputs.Length == 0
            ? ArenaContent.FromGym(WorldCatalog.Get(parse.GetValue(World)!), parse.GetValue(Prompts), parse.GetValue(Seed))
            : ArenaContent.FromOutputs(ModelOutputsReader.Read(outputs, parse.GetValue(Questions))),
            parse.GetValue(Checkpoints) ?? [], cancellation);
        var content = await EndpointAnswers.AddAsync(withCheckpoints, endpoints, Environment.GetEnvironmentVariable("PREFSHARP_ENDPOINT_API_KEY"),
            cancellation: cancellation);
        var output = parse.InvocationConfiguration.Output;
        await using var server = await ArenaServer.StartAsync(options, content, cancellation);
        if (parse.GetValue(Import) is { Length: > 0 } imports)
        {
            var battles = LeaderboardInput.Read(imports, reading.From(parse),
                (path, skipped) => ReadingOptions.ReportSkipped(skipped, path, parse.InvocationConfiguration.Error)).Battles();
            output.WriteLine($"imported {server.Store.Import(battles)} new vote(s) of {battles.Count} battle(s)");
        }
        output.WriteLine($"arena: {content.Questions.Count} prompts, {content.Models.Count} models ({string.Join(", ", content.Models)}), " +
            $"{server.Store.VoteCount()} votes in {server.Store.Path}");
        if (server.NewAdminToken is { } token)
            output.WriteLine($"admin token (shown only now; stored hashed): {token}");
        output.WriteLine($"listening on {server.BaseUrl} — admin page {server.BaseUrl}admin (Ctrl+C stops)");
        await output.FlushAsync(cancellation);
        await server.WaitForShutdownAsync(cancellation);
        return 0;
    }
}
