namespace PrefSharp.Core.Ranking;

/// <summary>How Bradley–Terry treats ties.</summary>
public enum TieModel
{
    /// <summary>A tie is half a win for each side (Chatbot Arena's convention); soft scores are used as given.</summary>
    HalfWin,
    /// <summary>Rao &amp; Kupper (1967): a threshold θ on the strength ratio; θ estimated.</summary>
    RaoKupper,
    /// <summary>Davidson (1970): ties proportional to the geometric mean of the strengths; ν estimated.</summary>
    Davidson,
}
