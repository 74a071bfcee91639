using PrefSharp.Core.Ranking;

using static PrefSharp.Cli.Output.Formatting;

namespace PrefSharp.Cli.Output;

/// <summary>The table and CSV forms of a <see cref="Leaderboard"/>.</summary>
public static class LeaderboardTable
{
    public static void Write(Leaderboard board, TextWriter output)
    {
        var width = Math.Max(5, board.Items.Max(i => i.Name.Length));
        var interval = board.Items.Any(i => i.RatingLo is not null) ? $"{board.CiLevel:P0} CI" : "";
        output.WriteLine($"{"rank",-9} {"model".PadRight(width)} {"rating",8}  {interval,-17} {(board.Baseline is null ? "" : "win % vs " + board.Baseline),-26} {"battles",8}  {"W/T/L"}" +
            (board.Items.Any(i => i.AlpacaWinRate is not null) ? "  AlpacaEval win %" : "") +
            (board.Items.Any(i => i.LengthControlledWinRate is not null) ? "  LC win %" : ""));
        foreach (var item in board.Items.OrderBy(i => i.Rank))
        {
            var rank = item.RankLo is { } lo && item.RankHi is { } hi ? $"{item.Rank} ({lo}-{hi})" : $"{item.Rank}";
            var ci = item.RatingLo is { } rlo && item.RatingHi is { } rhi ? Invariant($"[{rlo:F1}, {rhi:F1}]") : "";
            var win = item.WinRate is { } w ? Invariant($"{w:F1}") + (item.WinRateLo is { } wlo && item.WinRateHi is { } whi ? Invariant($" [{wlo:F1}, {whi:F1}]") : "") : "";
            var alpaca = (item.AlpacaWinRate is { } a ? Invariant($"  {a,6:F2} ± {item.AlpacaStandardError,-5:F2}") : "") +
                (item.LengthControlledWinRate is { } lc ? Invariant($"  {lc,6:F2}") : "");
            output.WriteLine(Invariant($"{rank,-9} {item.Name.PadRight(width)} {item.Rating,8:F1}  {ci,-17} {win,-26} {item.Battles,8}  {item.Wins}/{item.Ties}/{item.Losses}{alpaca}"));
        }
        if (board.Items.Any(i => i.AlpacaWinRate is not null))
            output.WriteLine("AlpacaEval win %: AlpacaEval's win rate against the baseline ± its standard error (mean soft preference)");
        if (board.Items.Any(i => i.LengthControlledWinRate is not null))
            output.WriteLine("LC win %: AlpacaEval's length-controlled win rate (Dubois et al. 2024), the GLM's win rate with the length term removed");
        output.WriteLine(Invariant($"model {board.Model}, scale {board.Scale}") +
            (board.Intervals == IntervalMethod.Bootstrap ? $", {board.BootstrapRounds} bootstrap rounds" : $", {board.Intervals.ToString().ToLowerInvariant()} intervals"));
    }

    public static void WriteCsv(Leaderboard board, TextWriter output)
    {
        output.WriteLine("name,rating,rating_lo,rating_hi,rank,rank_lo,rank_hi,win_rate,win_rate_lo,win_rate_hi,battles,wins,ties,losses,alpaca_win_rate,alpaca_standard_error,lc_win_rate");
        foreach (var i in board.Items.OrderBy(i => i.Rank))
            output.WriteLine(Invariant($"{Csv(i.Name)},{i.Rating},{i.RatingLo},{i.RatingHi},{i.Rank},{i.RankLo},{i.RankHi},{i.WinRate},{i.WinRateLo},{i.WinRateHi},{i.Battles},{i.Wins},{i.Ties},{i.Losses},{i.AlpacaWinRate},{i.AlpacaStandardError},{i.LengthControlledWinRate}"));
    }

    private static string Csv(string field) => field.IndexOfAny([',', '"', '\n']) < 0 ? field : $"\"{field.Replace("\"", "\"\"")}\"";
}
