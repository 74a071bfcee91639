using System.CommandLine;
using PrefSharp.Cli.Output;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Input;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp rank [FILE…]</c>: a leaderboard with intervals from battles, pairs with model names, or rankings.
/// With no file it ranks a simulated arena from the gym, whose true strengths are known, and reports how well
/// the leaderboard recovers them.
/// </summary>
public static partial class RankCommand
{
    private static readonly Argument<string[]> Files = new("FILE") { Description = "Battle, pair or ranking files; none: a simulated arena from the gym", Arity = ArgumentArity.ZeroOrMore };
    private static readonly Option<string> Model = new("--model")
    {
        Description = $"Rating model: {string.Join(", ", RankingModelNames.All)}; or mixture (annotator groups, needs judge ids) or gpm (intransitive analysis)",
        DefaultValueFactory = _ => "bt",
    };
    private static readonly Option<string?> Baseline = new("--baseline") { Description = "Report win rates (%) against this item" };
    private static readonly Option<string?> Anchor = new("--anchor") { Description = "Fix one item's rating, NAME=RATING (default: mean rating 1000 on the Elo scale)" };
    private static readonly Option<string> Scale = new("--scale") { Description = "elo (400/ln 10 per logit) or logit", DefaultValueFactory = _ => "elo" };
    private static readonly Option<int> Bootstrap = new("--bootstrap") { Description = $"Bootstrap rounds for the intervals, at least {BootstrapOptions.MinimumRounds} (0: sandwich intervals instead)", DefaultValueFactory = _ => 1000 };
    private static readonly Option<double> Prior = new("--prior") { Description = "Precision of a Gaussian prior on the logit strengths (keeps items that never lose or never win finite; 0: plain maximum likelihood)", DefaultValueFactory = _ => 0 };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the bootstrap (and of the simulated arena)", DefaultValueFactory = _ => 0 };
    private static readonly Option<double> Ci = new("--ci") { Description = "Confidence level of the intervals", DefaultValueFactory = _ => 0.95 };
    private static readonly Option<string> Output = new("--output") { Description = "table, json or csv", DefaultValueFactory = _ => "table" };
    private static readonly Option<bool> StyleControl = new("--style-control") { Description = "Chatbot Arena's style control: ratings with the effect of length and markdown removed (bt; needs style_a/style_b covariates)" };
    private static readonly Option<bool> LengthControl = new("--length-control") { Description = "Also report AlpacaEval's length-controlled win rate against the baseline (needs question ids and lengths)" };
    private static readonly Option<int> SimulatedModels = new("--simulate-models") { Description = "Without FILE: models in the simulated arena", DefaultValueFactory = _ => 8 };
    private static readonly Option<int> SimulatedBattles = new("--simulate-battles") { Description = "Without FILE: battles in the simulated arena", DefaultValueFactory = _ => 5000 };

    public static Command Create()
    {
        Scale.AcceptOnlyFromAmong("elo", "logit");
        Output.AcceptOnlyFromAmong("table", "json", "csv");
        var reading = new ReadingOptions();
        var command = new Command("rank", "Fit a leaderboard (Bradley–Terry, Elo, ties, Plackett–Luce, Thurstone) with intervals from comparisons")
        {
            Files, Model, Baseline, Anchor, Scale, Bootstrap, Prior, Seed, Ci, StyleControl, LengthControl, Output, SimulatedModels, SimulatedBattles,
        };
        reading.AddTo(command);
        command.SetAction(parse => Run(parse, reading.From(parse)));
        return command.WithExamples(
            "prefsharp rank                                   # a simulated arena from the gym, with known true strengths",
            "prefsharp rank ../shared/data/battles/arena-hard-v0.1/battles-judge-gpt4o.jsonl --baseline gpt-4-0314",
            "prefsharp rank battles.jsonl --model davidson --bootstrap 0 --output json",
            "prefsharp rank ../shared/data/rankings/nascar2002/nascar2002.txt --model plackett-luce --bootstrap 200",
            "prefsharp rank ../shared/data/battles/alpaca-eval2-weighted-compact.jsonl.gz --length-control --bootstrap 0");
    }

    private static int Run(ParseResult parse, ReadOptions readOptions)
    {
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(Model) is "mixture" or "gpm") return RunAnalysis(parse, readOptions, parse.GetValue(Model)!);
        var options = Options(parse);
        SimulatedArena? arena = null;
        Leaderboard leaderboard;
        if (parse.GetValue(Files)!.Length == 0)
        {
            arena = SimulatedArena.WithSpreadStrengths(parse.GetValue(SimulatedModels), parse.GetValue(Seed));
            leaderboard = LeaderboardBuilder.Build(arena.Battles(parse.GetValue(SimulatedBattles), parse.GetValue(Seed)).ToList(), options);
        }
        else if (LeaderboardInput.CanStream(parse.GetValue(Files)!, options, readOptions))
            leaderboard = LeaderboardBuilder.Build(LeaderboardInput.StreamCounts(parse.GetValue(Files)!), options);
        else
        {
            var input = Read(parse, readOptions);
            if (options.Model == RankingModel.PlackettLuce) leaderboard = LeaderboardBuilder.Build(input.Rankings(), options);
            else
            {
                var battles = input.Battles();
                leaderboard = LeaderboardBuilder.Build(battles, input.Complete(options, battles));
            }
        }
        switch (parse.GetValue(Output))
        {
            case "json": output.WriteLine(leaderboard.ToJson()); break;
            case "csv": LeaderboardTable.WriteCsv(leaderboard, output); break;
            default:
                LeaderboardTable.Write(leaderboard, output);
                if (arena is not null) SimulatedArenaReport.Write(arena, leaderboard, parse.GetValue(SimulatedBattles), output);
                break;
        }
        return 0;
    }

    private static LeaderboardInput Read(ParseResult parse, ReadOptions readOptions) =>
        LeaderboardInput.Read(parse.GetValue(Files)!, readOptions,
            (path, skipped) => ReadingOptions.ReportSkipped(skipped, path, parse.InvocationConfiguration.Error));
}
