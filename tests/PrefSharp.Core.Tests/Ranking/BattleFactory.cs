using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Ranking;

/// <summary>Small builders of battles for the ranking tests.</summary>
internal static class BattleFactory
{
    public static IEnumerable<Battle> Repeat(string a, string b, BattleOutcome outcome, int times) =>
        Enumerable.Range(0, times).Select(_ => new Battle(a, b, outcome));

    /// <summary>w wins of a over b, t ties, l losses.</summary>
    public static List<Battle> Record(string a, string b, int wins, int ties, int losses) =>
        [.. Repeat(a, b, BattleOutcome.A, wins), .. Repeat(a, b, BattleOutcome.Tie, ties), .. Repeat(a, b, BattleOutcome.B, losses)];

    /// <summary>
    /// Battles simulated from known Bradley–Terry strengths: each pair played <paramref name="perPair"/> times,
    /// sides in random order, A wins with probability σ(β_A − β_B).
    /// </summary>
    public static List<Battle> SimulateBradleyTerry(double[] strengths, int perPair, Random random)
    {
        var battles = new List<Battle>();
        for (int i = 0; i < strengths.Length; i++)
            for (int j = i + 1; j < strengths.Length; j++)
                for (int k = 0; k < perPair; k++)
                {
                    bool swap = random.Next(2) == 1;
                    int a = swap ? j : i, b = swap ? i : j;
                    double p = 1 / (1 + Math.Exp(strengths[b] - strengths[a]));
                    battles.Add(new Battle($"m{a}", $"m{b}", random.NextDouble() < p ? BattleOutcome.A : BattleOutcome.B));
                }
        return battles;
    }
}
