namespace PrefSharp.Core.Ranking;

/// <summary>
/// Turns natural-scale strengths into printed ratings: rating = offset + unit·(β − reference), where the
/// reference is the anchor item's β in its component and the component mean elsewhere; unit is 1 (natural
/// scale) or Elo points per natural unit. A NaN strength (an item a bootstrap resample lacks) stays NaN and is left
/// out of its component's mean. Also gives the linear contrast of each rating for the sandwich.
/// </summary>
public sealed class RatingPresentation(ComparisonGraph graph, int? anchorItem, double unit, double offset)
{
    public double[] Ratings(ReadOnlySpan<double> strengths)
    {
        double[] references = References(strengths);
        var ratings = new double[strengths.Length];
        for (int k = 0; k < ratings.Length; k++) ratings[k] = offset + unit * (strengths[k] - references[graph.ComponentOf[k]]);
        return ratings;
    }

    /// <summary>c such that rating_item − offset = cᵀβ.</summary>
    public double[] Contrast(int item)
    {
        int n = graph.ComponentOf.Count, component = graph.ComponentOf[item];
        var contrast = new double[n];
        contrast[item] += unit;
        if (anchorItem is { } anchor && graph.ComponentOf[anchor] == component)
        {
            contrast[anchor] -= unit;
            return contrast;
        }
        int size = graph.ComponentOf.Count(c => c == component);
        for (int k = 0; k < n; k++) if (graph.ComponentOf[k] == component) contrast[k] -= unit / size;
        return contrast;
    }

    private double[] References(ReadOnlySpan<double> strengths)
    {
        var sums = new double[graph.ComponentCount];
        var sizes = new int[graph.ComponentCount];
        for (int k = 0; k < strengths.Length; k++)
        {
            if (double.IsNaN(strengths[k])) continue;  // an item absent from a bootstrap resample
            sums[graph.ComponentOf[k]] += strengths[k];
            sizes[graph.ComponentOf[k]]++;
        }
        var references = new double[graph.ComponentCount];
        for (int c = 0; c < references.Length; c++) references[c] = sums[c] / sizes[c];
        if (anchorItem is { } anchor) references[graph.ComponentOf[anchor]] = strengths[anchor];
        return references;
    }
}
