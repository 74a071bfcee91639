using System.CommandLine;
using PrefSharp.Evaluation.Runs;
using PrefSharp.Server.Hosting;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp judge</c>: every model against a baseline, both orders, by an LLM judge over HTTP; writes battles.</summary>
public static class JudgeCommand
{
    private static readonly Argument<string[]> Outputs = new("outputs") { Description = "Model outputs: AlpacaEval model_outputs.json or Arena-Hard answer JSONL (the baseline's too)", Arity = ArgumentArity.OneOrMore };
    private static readonly Option<string?> Questions = new("--questions") { Description = "Arena-Hard question.jsonl (needed for Arena-Hard answers)" };
    private static readonly Option<string> Baseline = new("--baseline") { Description = "The generator every other model is compared with", Required = true };
    private static readonly Option<string> Judge = new("--judge") { Description = "Judge endpoint URL (OpenAI-compatible; key from $PREFSHARP_JUDGE_API_KEY) or gym:WORLD served on loopback", Required = true };
    private static readonly Option<string?> JudgeModel = new("--judge-model") { Description = "Model name sent to the endpoint (required with a URL)" };
    private static readonly Option<Uri[]> Endpoints = new("--endpoint") { Description = "More endpoints serving the same judge model, asked in turn" };
    private static readonly Option<string?> Template = new("--template") { Description = "Prompt template: system text, a line ---, user text with {instruction} {output_a} {output_b}" };
    private static readonly Option<int> Parallel = new("--parallel") { Description = "Questions in flight at once", DefaultValueFactory = _ => 4 };
    private static readonly Option<double> MaxFailures = new("--max-failure-fraction") { Description = "Stop once more than this fraction of questions got no verdict", DefaultValueFactory = _ => 0.1 };
    private static readonly Option<string> Cache = new("--cache") { Description = "SQLite verdict cache; a rerun asks nothing twice", DefaultValueFactory = _ => "judge-cache.sqlite" };
    private static readonly Option<string> Out = new("--out", "-o") { Description = "Battles JSONL (the position-bias JSON goes beside it as NAME.bias.json)", Required = true };
    private static readonly Option<double> Timeout = JudgeTimeoutOption.Create();
    private static readonly Option<string?> Price = JudgePriceOption.Create();

    public static Command Create()
    {
        var command = new Command("judge", "Judge model outputs against a baseline in both orders with an LLM judge; write battles and position bias")
        {
            Outputs, Questions, Baseline, Judge, JudgeModel, Endpoints, Template, Parallel, MaxFailures, Cache, Out, Timeout, Price,
        };
        command.SetAction((parse, cancellation) => Run(parse, cancellation));
        return command.WithExamples(
            "prefsharp judge model_outputs.json baseline_outputs.json --baseline gpt4_turbo --judge gym:sorting --out battles.jsonl",
            "prefsharp judge answers/*.jsonl --questions question.jsonl --baseline gpt-4-0314 --judge http://127.0.0.1:8000 --judge-model qwen --parallel 16 --out battles.jsonl");
    }

    private static async Task<int> Run(ParseResult parse, CancellationToken cancellation)
    {
        var price = JudgePriceOption.Parse(parse.GetValue(Price));
        var judge = JudgeTarget.Parse(parse.GetValue(Judge)!, parse.GetValue(JudgeModel));
        await using var server = judge.IsGym ? await ModelServer.StartOnLoopbackAsync([], [judge.Model], cancellation: cancellation) : null;
        var (model, first) = (judge.Model, judge.Url ?? server!.BaseUrl);
        var job = new JudgeJob
        {
            Outputs = parse.GetValue(Outputs)!, Questions = parse.GetValue(Questions), Endpoints = [first, .. parse.GetValue(Endpoints) ?? []],
            Model = model, ApiKey = Environment.GetEnvironmentVariable("PREFSHARP_JUDGE_API_KEY"), TimeoutSeconds = parse.GetValue(Timeout),
            Template = parse.GetValue(Template), Cache = parse.GetValue(Cache)!, Battles = parse.GetValue(Out)!,
            Run = new JudgeRunOptions { Baseline = parse.GetValue(Baseline)!, Parallel = parse.GetValue(Parallel), MaxFailureFraction = parse.GetValue(MaxFailures) },
        };
        var (report, bias, battles) = await JudgeJobRunner.RunAsync(job, cancellation);
        var output = parse.InvocationConfiguration.Output;
        output.WriteLine($"judged {report.Questions} questions with {model}: {report.Asked} asked, {report.Cached} from the cache, " +
            $"{report.Unparseable} without a verdict, {report.Errors} failed; tokens in {report.InputTokens}, out {report.OutputTokens}" +
            (price is { } p ? $"; cost ${report.Cost(p.Input, p.Output):F4}" : ""));
        output.WriteLine($"position bias: the winner changes with the order in {bias.Changed} of {bias.Pairs} pairs ({100 * bias.ChangedFraction:0.0}%); " +
            $"the first response wins {100 * bias.FirstWinRate:0.0}% of decisive verdicts");
        output.WriteLine($"wrote {battles} battles to {job.Battles} and the position bias to {job.BiasPath}");
        return 0;
    }
}
