namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>The BIC choice of K and the chosen fit.</summary>
public sealed record MixtureSelection(int SelectedGroupCount, IReadOnlyList<MixtureCandidate> Candidates, BradleyTerryMixtureResult Selected);
