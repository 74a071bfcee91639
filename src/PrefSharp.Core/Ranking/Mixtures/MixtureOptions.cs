namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>Options of <see cref="BradleyTerryMixture"/>.</summary>
public sealed record MixtureOptions
{
    /// <summary>Random restarts; the fit with the highest log-likelihood is kept. Default 5.</summary>
    public int Restarts { get; init; } = 5;
    /// <summary>EM iterations at most per restart. Default 200.</summary>
    public int MaxIterations { get; init; } = 200;
    /// <summary>Stop when the log-likelihood improves by less than this (relative). Default 1e-8.</summary>
    public double Tolerance { get; init; } = 1e-8;
    /// <summary>Ridge λ of each group's BT fit (keeps small groups finite). Default 1e-3.</summary>
    public double L2Penalty { get; init; } = 1e-3;
    /// <summary>Random seed of the initial assignments. Default 0.</summary>
    public int Seed { get; init; }
}
