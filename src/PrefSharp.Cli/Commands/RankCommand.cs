using System.CommandLine;
using System.Globalization;
using PrefSharp.Cli.Output;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking;

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
    private static readonly Option<int> Bootstrap = new("--bootstrap") { Description = "Bootstrap rounds for the intervals (0: sandwich intervals instead)", DefaultValueFactory = _ => 1000 };
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
            Files, Model, Baseline, Anchor, Scale, Bootstrap, Seed, Ci, StyleControl, LengthControl, Output, SimulatedModels, SimulatedBattles,
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
        var files = parse.GetValue(Files)!;
        SimulatedArena? arena = null;
        Leaderboard leaderboard;
        if (files.Length == 0)
        {
            arena = SimulatedArena.WithSpreadStrengths(parse.GetValue(SimulatedModels), parse.GetValue(Seed));
            var battles = arena.Battles(parse.GetValue(SimulatedBattles), parse.GetValue(Seed)).ToList();
            leaderboard = LeaderboardBuilder.Build(battles, options);
        }
        else
        {
            var (records, alpacaEval) = ReadAll(files, readOptions, parse.InvocationConfiguration.Error);
            if (options.Model == RankingModel.PlackettLuce)
                leaderboard = LeaderboardBuilder.Build(records.OfType<ItemRanking>(), options);
            else
            {
                var battles = BattlesOf(records);
                leaderboard = LeaderboardBuilder.Build(battles, StarDefaults(options, battles, alpacaEval));
            }
        }
        switch (parse.GetValue(Output))
        {
            case "json": output.WriteLine(leaderboard.ToJson()); break;
            case "csv": LeaderboardTable.WriteCsv(leaderboard, output); break;
            default:
                LeaderboardTable.Write(leaderboard, output);
                if (arena is not null) DescribeRecovery(arena, leaderboard, parse.GetValue(SimulatedBattles), output);
                break;
        }
        return 0;
    }

    /// <summary>
    /// AlpacaEval annotations also get AlpacaEval's own win rate and standard error. They, and length control, are
    /// against the baseline every battle shares (AlpacaEval's generator_1) unless <c>--baseline</c> names another.
    /// </summary>
    private static LeaderboardOptions StarDefaults(LeaderboardOptions options, IReadOnlyList<Battle> battles, bool alpacaEval)
    {
        if (!alpacaEval && !options.LengthControl) return options;
        var baseline = options.Baseline ?? StarCentre(battles);
        return baseline is null ? options : options with { Baseline = baseline, DirectWinRates = alpacaEval };
    }

    /// <summary>The one item that takes part in every battle (a star design such as AlpacaEval or Arena-Hard), or null.</summary>
    private static string? StarCentre(IReadOnlyList<Battle> battles)
    {
        if (battles.Count == 0) return null;
        var first = battles[0];
        foreach (var candidate in new[] { first.ItemA, first.ItemB })
            if (battles.All(b => b.ItemA == candidate || b.ItemB == candidate)) return candidate;
        return null;
    }

    private static LeaderboardOptions Options(ParseResult parse)
    {
        var (anchorItem, anchorRating) = ParseAnchor(parse.GetValue(Anchor));
        var rounds = parse.GetValue(Bootstrap);
        var options = new LeaderboardOptions
        {
            Model = RankingModelNames.Parse(parse.GetValue(Model)!, "--model"),
            Scale = parse.GetValue(Scale) == "logit" ? RatingScale.Natural : RatingScale.Elo,
            Baseline = parse.GetValue(Baseline),
            AnchorItem = anchorItem,
            AnchorRating = anchorRating,
            Intervals = rounds > 0 ? IntervalMethod.Bootstrap : IntervalMethod.Sandwich,
            BootstrapRounds = Math.Max(rounds, 1),
            Seed = parse.GetValue(Seed),
            CiLevel = parse.GetValue(Ci),
            StyleControl = parse.GetValue(StyleControl),
            LengthControl = parse.GetValue(LengthControl),
        };
        return options;  // validated by LeaderboardBuilder, after the data may have supplied the baseline
    }

    private static (string?, double?) ParseAnchor(string? anchor)
    {
        if (anchor is null) return (null, null);
        var parts = anchor.Split('=', 2);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rating))
            throw new ArgumentException($"--anchor: \"{anchor}\" is not NAME=RATING (e.g. gpt-4-0314=1000)");
        return (parts[0], rating);
    }

    /// <summary>Every record of <paramref name="files"/>, and whether they were all AlpacaEval annotations.</summary>
    private static (List<PreferenceRecord> Records, bool AlpacaEval) ReadAll(string[] files, ReadOptions options, TextWriter error)
    {
        var records = new List<PreferenceRecord>();
        var alpacaEval = true;
        foreach (var path in files)
        {
            var reader = new PreferenceFileReader(path, options);
            records.AddRange(reader);
            ReadingOptions.ReportSkipped(reader.Skipped, path, error);
            alpacaEval &= reader.Format?.Name.StartsWith("alpaca-eval", StringComparison.Ordinal) == true;
        }
        return (records, alpacaEval);
    }

    /// <summary>Battles as they are; pairs that name their models become battles; anything else cannot be ranked.</summary>
    private static List<Battle> BattlesOf(List<PreferenceRecord> records) => records.Select(record => record switch
    {
        Battle battle => battle,
        PreferencePair { ChosenModel: not null, RejectedModel: not null } pair => pair.ToBattle(),
        _ => throw new DataFormatException(record.Location, null,
            $"a {record.GetType().Name} without model names cannot be ranked", "battles, or pairs naming chosen_model and rejected_model"),
    }).ToList();

    private static void DescribeRecovery(SimulatedArena arena, Leaderboard leaderboard, int battles, TextWriter output)
    {
        var names = Enumerable.Range(0, arena.Strengths.Count).Select(arena.ModelName).ToList();
        var discordant = Core.Ranking.Active.RankingDistance.KendallTauDistance(arena.Strengths, names.Select(n => leaderboard[n].Rating).ToList());
        var pairs = names.Count * (names.Count - 1) / 2.0;
        output.WriteLine();
        output.WriteLine($"Simulated arena (gym): {names.Count} models with known strengths, {battles:N0} battles judged by a Bradley–Terry annotator.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Kendall τ between the fitted ratings and the true strengths: {1 - 2 * discordant / pairs:F3} (1 = the true order)."));
        output.WriteLine("Rank your own data: prefsharp rank FILE…   (see prefsharp rank --help)");
    }
}
