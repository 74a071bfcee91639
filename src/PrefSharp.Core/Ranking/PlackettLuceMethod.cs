namespace PrefSharp.Core.Ranking;

/// <summary>The optimiser of a Plackett–Luce fit; both reach the same maximum.</summary>
public enum PlackettLuceMethod
{
    /// <summary>Hunter's (2004) minorisation–maximisation: monotone, no step sizes, linear convergence.</summary>
    MinorizationMaximization,
    /// <summary>L-BFGS on the log-likelihood (also with a Gaussian prior).</summary>
    Lbfgs,
}
