namespace PrefSharp.Core.Ranking;

/// <summary>The order in which online Elo processes battles.</summary>
public enum BattleOrder
{
    /// <summary>As given (Chatbot Arena's notebook sorts by timestamp before).</summary>
    AsGiven,
    /// <summary>By <see cref="Data.Battle.Timestamp"/>, stable; every battle must have one.</summary>
    ByTimestamp,
}
