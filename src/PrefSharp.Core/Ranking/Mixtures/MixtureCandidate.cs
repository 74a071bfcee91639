namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>One candidate K with its fit statistics.</summary>
public sealed record MixtureCandidate(int GroupCount, double LogLikelihood, int ParameterCount, double Bic);
