using System.CommandLine;
using System.Globalization;
using PrefSharp.Cli.Commands.Eval;
using PrefSharp.Cli.Output;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Evaluation.Eval;
using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp eval</c>: models + prompts → answers → judge → leaderboards (style and length control) → HTML report.</summary>
public static class EvalCommand
{
    private static readonly Option<string[]> Models = new("--model") { Description = "A model: checkpoint [NAME=]DIR, gym policy [NAME=]gym:WORLD@QUALITY, or NAME=URL#MODEL (key from $PREFSHARP_EVAL_API_KEY); repeat" };
    private static readonly Option<string?> Prompts = new("--prompts") { Description = "Prompts: AlpacaEval JSON array, Arena-Hard question.jsonl, or JSONL rows with prompt" };
    private static readonly Option<string?> Baseline = new("--baseline") { Description = "The model every other one is judged against (default: the first --model)" };
    private static readonly Option<string?> Judge = new("--judge") { Description = "Judge endpoint URL (key from $PREFSHARP_JUDGE_API_KEY) or gym:WORLD served on loopback" };
    private static readonly Option<string?> JudgeModel = new("--judge-model") { Description = "Model name sent to the judge endpoint (required with a URL)" };
    private static readonly Option<string?> Template = new("--template") { Description = "Judge prompt template (see prefsharp judge --help)" };
    private static readonly Option<bool> Quick = new("--quick") { Description = "The embedded default: a gym world's prompts, its policies of known quality and its judge; reports Kendall τ against gold" };
    private static readonly Option<string> World = new("--world") { Description = $"With --quick: the gym world ({string.Join(", ", WorldCatalog.Names)})", DefaultValueFactory = _ => "lexicon" };
    private static readonly Option<int> QuickPrompts = new("--quick-prompts") { Description = "With --quick: prompts drawn from the world", DefaultValueFactory = _ => 100 };
    private static readonly Option<int> Parallel = new("--parallel") { Description = "Requests in flight, to each model and to the judge", DefaultValueFactory = _ => 4 };
    private static readonly Option<double> Temperature = new("--temperature") { Description = "Sampling temperature of the evaluated models", DefaultValueFactory = _ => 0.7 };
    private static readonly Option<int> MaxTokens = new("--max-tokens") { Description = "Most tokens per answer", DefaultValueFactory = _ => 256 };
    private static readonly Option<int> Bootstrap = new("--bootstrap") { Description = "Bootstrap rounds of the intervals (0: sandwich intervals)", DefaultValueFactory = _ => 200 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the answers (request i: seed + i), the quick prompts and the bootstrap", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "Folder for answers, verdict cache, battles and report.html; a rerun resumes", DefaultValueFactory = _ => "eval-out" };
    private static readonly Option<double> Timeout = JudgeTimeoutOption.Create();
    private static readonly Option<string?> Price = JudgePriceOption.Create();

    public static Command Create()
    {
        var command = new Command("eval", "Evaluate models end to end: answer prompts, judge against a baseline in both orders, rank with style and length control, write an HTML report")
        {
            Models, Prompts, Baseline, Judge, JudgeModel, Template, Quick, World, QuickPrompts, Parallel, Temperature, MaxTokens, Bootstrap, Seed, Out, Timeout, Price,
        };
        command.SetAction((parse, cancellation) => Run(parse, cancellation));
        return command.WithExamples(
            "prefsharp eval --quick                      # gym policies of known quality, judged over HTTP; Kendall τ against gold",
            "prefsharp eval --model sft=runs/sft --model dpo=runs/dpo --prompts prompts.jsonl --judge gym:lexicon",
            "prefsharp eval --model base=http://127.0.0.1:8000/v1#qwen --model mine=runs/dpo --prompts question.jsonl --judge https://api.openai.com/v1 --judge-model gpt-4o-mini --judge-price 0.15,0.60");
    }

    private static async Task<int> Run(ParseResult parse, CancellationToken cancellation)
    {
        var seed = parse.GetValue(Seed);
        var quick = parse.GetValue(Quick) ? QuickEval.Create(WorldCatalog.Get(parse.GetValue(World)!), parse.GetValue(QuickPrompts), seed) : null;
        if (quick is not null && (parse.GetValue(Models)!.Length > 0 || parse.GetValue(Prompts) is not null))
            throw new ArgumentException("--quick brings its own models and prompts; leave out --model and --prompts", "--quick");
        var specs = quick?.PolicySpecs ?? parse.GetValue(Models)!;
        var judge = JudgeTarget.Parse(quick?.Judge ?? parse.GetValue(Judge) ?? throw new ArgumentException("give a judge: a URL with --judge-model, or gym:WORLD", "--judge"),
            parse.GetValue(JudgeModel));
        var prompts = quick?.Prompts ?? PromptsReader.Read(parse.GetValue(Prompts) ?? throw new ArgumentException("give the prompts file (or --quick)", "--prompts"));
        var generation = new GenerationSettings { Temperature = parse.GetValue(Temperature), MaxTokens = parse.GetValue(MaxTokens), Parallel = parse.GetValue(Parallel), Seed = seed };
        await using var local = await EvalModelSpecs.ServeLocal(specs, judge, generation.MaxTokens, cancellation);
        var models = specs.Select(spec => EvalModelSpecs.Resolve(spec, local)).ToList();
        var job = new EvalJob
        {
            Models = models, Prompts = prompts,
            Baseline = quick?.Baseline ?? parse.GetValue(Baseline) ?? models.FirstOrDefault()?.Name ?? "",
            JudgeEndpoints = [judge.Url ?? local!.BaseUrl], JudgeModel = judge.Model, JudgeApiKey = Environment.GetEnvironmentVariable("PREFSHARP_JUDGE_API_KEY"),
            JudgeTimeoutSeconds = parse.GetValue(Timeout), Template = parse.GetValue(Template), JudgeParallel = generation.Parallel, Generation = generation,
            BootstrapRounds = parse.GetValue(Bootstrap), Price = JudgePriceOption.Parse(parse.GetValue(Price)),
            Gold = quick is null ? null : quick.World.GoldUtility, OutputDirectory = parse.GetValue(Out)!,
        };
        var output = parse.InvocationConfiguration.Output;
        var result = await EvalRunner.RunAsync(job, output, cancellation);
        LeaderboardTable.Write(result.Ratings, output);
        if (result.Gold is { } gold)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Kendall τ between the judged ratings and the mean gold utility: {gold.Tau:F3} (style-controlled {gold.StyleControlledTau:F3}; 1 = the true order)"));
        if (result.CostUsd is { } cost) output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"judge cost: ${cost:F4}"));
        output.WriteLine($"report: {job.ReportPath}");
        return 0;
    }
}
