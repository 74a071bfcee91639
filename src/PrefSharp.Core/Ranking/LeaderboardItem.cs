using System.Text.Json.Serialization;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// One row of a <see cref="Leaderboard"/>. JSON field names are fixed (snake_case): name, rating, rating_lo,
/// rating_hi, rank, rank_lo, rank_hi, win_rate, win_rate_lo, win_rate_hi, battles, wins, ties, losses.
/// Interval fields are null without intervals; win rates (percent, ties as half) are null without a baseline.
/// alpaca_win_rate and alpaca_standard_error appear only when <see cref="LeaderboardOptions.DirectWinRates"/> is set,
/// lc_win_rate only with <see cref="LeaderboardOptions.LengthControl"/>.
/// </summary>
public sealed record LeaderboardItem
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("rating")] public required double Rating { get; init; }
    [JsonPropertyName("rating_lo")] public double? RatingLo { get; init; }
    [JsonPropertyName("rating_hi")] public double? RatingHi { get; init; }
    /// <summary>1 + the number of items rated strictly higher.</summary>
    [JsonPropertyName("rank")] public required int Rank { get; init; }
    /// <summary>The best plausible rank (numerically lowest).</summary>
    [JsonPropertyName("rank_lo")] public int? RankLo { get; init; }
    /// <summary>The worst plausible rank.</summary>
    [JsonPropertyName("rank_hi")] public int? RankHi { get; init; }
    /// <summary>Modelled percent win rate against the baseline (P(win) + ½P(tie)).</summary>
    [JsonPropertyName("win_rate")] public double? WinRate { get; init; }
    [JsonPropertyName("win_rate_lo")] public double? WinRateLo { get; init; }
    [JsonPropertyName("win_rate_hi")] public double? WinRateHi { get; init; }
    [JsonPropertyName("battles")] public long Battles { get; init; }
    [JsonPropertyName("wins")] public long Wins { get; init; }
    [JsonPropertyName("ties")] public long Ties { get; init; }
    [JsonPropertyName("losses")] public long Losses { get; init; }
    /// <summary>AlpacaEval's empirical win rate against the baseline (percent; see <see cref="DirectWinRate"/>), when requested.</summary>
    [JsonPropertyName("alpaca_win_rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? AlpacaWinRate { get; init; }
    /// <summary>AlpacaEval's length-controlled win rate against the baseline (percent), when requested.</summary>
    [JsonPropertyName("lc_win_rate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? LengthControlledWinRate { get; init; }
    /// <summary>The standard error of <see cref="AlpacaWinRate"/>, in percent.</summary>
    [JsonPropertyName("alpaca_standard_error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? AlpacaStandardError { get; init; }
}
