using System.CommandLine;
using System.Globalization;
using PrefSharp.Core.Ranking;

namespace PrefSharp.Cli.Commands;

/// <summary>The rank verb's options as <see cref="LeaderboardOptions"/>, with the checks only the verb makes.</summary>
public static partial class RankCommand
{
    private static LeaderboardOptions Options(ParseResult parse)
    {
        var (anchorItem, anchorRating) = ParseAnchor(parse.GetValue(Anchor));
        var rounds = BootstrapRounds(parse.GetValue(Bootstrap));
        return new LeaderboardOptions
        {
            Model = RankingModelNames.Parse(parse.GetValue(Model)!, "--model"),
            Scale = parse.GetValue(Scale) == "logit" ? RatingScale.Natural : RatingScale.Elo,
            Baseline = parse.GetValue(Baseline),
            AnchorItem = anchorItem,
            AnchorRating = anchorRating,
            Intervals = rounds > 0 ? IntervalMethod.Bootstrap : IntervalMethod.Sandwich,
            BootstrapRounds = Math.Max(rounds, 1),
            PriorPrecision = parse.GetValue(Prior),
            Seed = parse.GetValue(Seed),
            CiLevel = parse.GetValue(Ci),
            StyleControl = parse.GetValue(StyleControl),
            LengthControl = parse.GetValue(LengthControl),
        };  // validated by LeaderboardBuilder, after the data may have supplied the baseline
    }

    /// <summary>0 (sandwich intervals) or at least <see cref="BootstrapOptions.MinimumRounds"/>.</summary>
    private static int BootstrapRounds(int rounds) => rounds switch
    {
        < 0 => throw new ArgumentException($"--bootstrap: {rounds} is negative; expected 0 (sandwich intervals) or at least {BootstrapOptions.MinimumRounds} rounds"),
        > 0 and < BootstrapOptions.MinimumRounds => throw new ArgumentException(
            $"--bootstrap: {rounds} rounds are too few for percentile intervals; expected 0 (sandwich intervals) or at least {BootstrapOptions.MinimumRounds} rounds"),
        _ => rounds,
    };

    private static (string?, double?) ParseAnchor(string? anchor)
    {
        if (anchor is null) return (null, null);
        var parts = anchor.Split('=', 2);
        if (parts.Length != 2 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rating))
            throw new ArgumentException($"--anchor: \"{anchor}\" is not NAME=RATING (e.g. gpt-4-0314=1000)");
        return (parts[0], rating);
    }
}
