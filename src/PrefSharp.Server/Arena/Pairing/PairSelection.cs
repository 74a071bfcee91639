namespace PrefSharp.Server.Arena.Pairing;

/// <summary>How the arena picks the two models of the next pair.</summary>
public enum PairSelection
{
    /// <summary>Uniformly among the model pairs that share a prompt.</summary>
    Uniform,

    /// <summary>The pair whose next vote most reduces the ranking's uncertainty (<see cref="Core.Ranking.Active.ActivePairSelector"/>).</summary>
    Active,
}
