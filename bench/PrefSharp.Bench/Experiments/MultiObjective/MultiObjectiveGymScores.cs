namespace PrefSharp.Bench.Experiments.MultiObjective;

/// <summary>Held-out measurements of a multi-objective model against one group's gold (<see cref="MultiObjectiveGymExperiment.Evaluate"/>).</summary>
/// <param name="GatedAccuracy">Pairwise accuracy of the gated ArmoRM reward (NaN before stage 2).</param>
/// <param name="DirectionAccuracies">Pairwise accuracy of each direction's projection vᵀ r, in the order given.</param>
/// <param name="GatedLengthCorrelation">Pearson correlation of the gated reward with response length in words (NaN before stage 2).</param>
public sealed record MultiObjectiveGymScores(double GatedAccuracy, double[] DirectionAccuracies, double GatedLengthCorrelation);
