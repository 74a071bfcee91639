namespace PrefSharp.Core.Ranking;

/// <summary>The result of one battle seen from the pair's first item (the lower item index).</summary>
public enum PairOutcome : byte
{
    FirstWins = 0,
    SecondWins = 1,
    Tie = 2,
}
