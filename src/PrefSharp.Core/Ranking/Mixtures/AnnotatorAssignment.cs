namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>An annotator's posterior group probabilities and its most probable group.</summary>
public sealed record AnnotatorAssignment(string Annotator, int Group, double[] Responsibilities, int BattleCount);
