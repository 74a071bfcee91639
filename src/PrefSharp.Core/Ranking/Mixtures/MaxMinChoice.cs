namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>The egalitarian choice and, per item, its worst-group utility.</summary>
/// <param name="Item">The MaxMin winner.</param>
/// <param name="MinimumUtility">Its utility in its worst group.</param>
/// <param name="WorstGroup">That group.</param>
/// <param name="ItemMinimumUtilities">min_k U_k(i) for every item, in item order of the mixture.</param>
public sealed record MaxMinChoice(string Item, double MinimumUtility, int WorstGroup, double[] ItemMinimumUtilities);
