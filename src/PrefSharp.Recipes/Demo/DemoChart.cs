namespace PrefSharp.Recipes.Demo;

/// <summary>A line chart a stage asks the report to draw (a training curve, gold and proxy against KL).</summary>
public sealed record DemoChart(string Title, string XLabel, string YLabel, IReadOnlyList<DemoSeries> Series);

/// <summary>One line of a <see cref="DemoChart"/>: points (X[i], Y[i]).</summary>
public sealed record DemoSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>A series of y against its index 0, 1, 2, … (a curve logged every step).</summary>
    public static DemoSeries OfSteps(string name, IReadOnlyList<double> y) => new(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y);
}
