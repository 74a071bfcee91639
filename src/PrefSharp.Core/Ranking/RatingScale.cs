namespace PrefSharp.Core.Ranking;

/// <summary>The scale of printed ratings.</summary>
public enum RatingScale
{
    /// <summary>
    /// Elo points: rating = anchor + (400/ln 10)·β for the logistic models (Chatbot Arena's convention), and
    /// anchor + 200√2·β for Thurstone (Elo's original normal model, σ = 200 per player). The default.
    /// </summary>
    Elo,
    /// <summary>The model's own unit: natural logits (β = log π), or probits for Thurstone.</summary>
    Natural,
}
