using PrefSharp.Core.Data;

namespace PrefSharp.Server.Arena.Storage;

/// <summary>The four votes as the page sends and the database stores them: <c>a</c>, <c>b</c>, <c>tie</c>, <c>both_bad</c>.</summary>
public static class VoteOutcomes
{
    public static IReadOnlyList<string> All { get; } = ["a", "b", "tie", "both_bad"];

    public static BattleOutcome ToBattleOutcome(string outcome) => outcome switch
    {
        "a" => BattleOutcome.A,
        "b" => BattleOutcome.B,
        "tie" => BattleOutcome.Tie,
        "both_bad" => BattleOutcome.TieBothBad,
        _ => throw new ArgumentException($"outcome: expected a, b, tie or both_bad, found \"{outcome}\"", nameof(outcome)),
    };

    public static string FromBattleOutcome(BattleOutcome outcome) => outcome switch
    {
        BattleOutcome.A => "a",
        BattleOutcome.B => "b",
        BattleOutcome.Tie => "tie",
        _ => "both_bad",
    };
}
