namespace PrefSharp.Core.Data;

/// <summary>Result of a battle between item A and item B.</summary>
public enum BattleOutcome
{
    /// <summary>A won.</summary>
    A,
    /// <summary>B won.</summary>
    B,
    /// <summary>A tie (Chatbot Arena's "tie").</summary>
    Tie,
    /// <summary>A tie where both answers were bad (Chatbot Arena's "tie (bothbad)").</summary>
    TieBothBad,
}
