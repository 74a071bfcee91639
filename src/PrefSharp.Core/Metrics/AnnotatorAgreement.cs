namespace PrefSharp.Core.Metrics;

/// <summary>
/// Collects (item, annotator, label) triples and summarises the agreement among annotators
/// (<see cref="AgreementSummary"/>). Labels are compared as given, in the source's own vocabulary, so that numbers
/// match published ones (PandaLM's 0/1/2). An annotator's second label for the same item is ignored.
/// </summary>
public sealed class AnnotatorAgreement
{
    /// <summary>The majority label of an item whose most frequent label is not held by more than half of its raters.</summary>
    public const string NoMajority = "no_majority";

    private readonly Dictionary<string, Dictionary<string, string>> labelsByItem = new(StringComparer.Ordinal);

    public void Add(string item, string annotator, string label)
    {
        if (!labelsByItem.TryGetValue(item, out var labels))
        {
            labelsByItem[item] = labels = new Dictionary<string, string>(StringComparer.Ordinal);
        }
        labels.TryAdd(annotator, label);
    }

    /// <summary>The summary, or null when fewer than two annotators labelled a shared item.</summary>
    public AgreementSummary? Summarize()
    {
        if (!labelsByItem.Values.Any(labels => labels.Count >= 2))
        {
            return null;
        }
        var annotators = labelsByItem.Values.SelectMany(labels => labels.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var (fleiss, fleissItems, fleissRaters) = Fleiss();
        return new AgreementSummary
        {
            Annotators = annotators.Length,
            Items = labelsByItem.Count,
            MajorityCounts = MajorityCounts(),
            CohenKappa = PairwiseKappas(annotators),
            FleissKappa = fleiss,
            FleissItems = fleissItems,
            FleissRaters = fleissRaters,
        };
    }

    private SortedDictionary<string, long> MajorityCounts()
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var labels in labelsByItem.Values)
        {
            var top = labels.Values.GroupBy(label => label).MaxBy(group => group.Count())!;
            var majority = top.Count() * 2 > labels.Count ? top.Key : NoMajority;
            counts[majority] = counts.GetValueOrDefault(majority) + 1;
        }
        return counts;
    }

    private List<PairwiseKappa> PairwiseKappas(string[] annotators)
    {
        var kappas = new List<PairwiseKappa>();
        for (var a = 0; a < annotators.Length; a++)
        {
            for (var b = a + 1; b < annotators.Length; b++)
            {
                var first = new List<string>();
                var second = new List<string>();
                foreach (var labels in labelsByItem.Values)
                {
                    if (labels.TryGetValue(annotators[a], out var labelA) && labels.TryGetValue(annotators[b], out var labelB))
                    {
                        first.Add(labelA);
                        second.Add(labelB);
                    }
                }
                if (first.Count > 0)
                {
                    kappas.Add(new PairwiseKappa(annotators[a], annotators[b], Defined(Metrics.CohenKappa.Compute(first, second)), first.Count));
                }
            }
        }
        return kappas;
    }

    private (double? Kappa, int Items, int Raters) Fleiss()
    {
        var raters = labelsByItem.Values.Where(labels => labels.Count >= 2)
            .GroupBy(labels => labels.Count).MaxBy(group => group.Count())!.Key;
        var items = labelsByItem.Values.Where(labels => labels.Count == raters).ToList();
        var categories = items.SelectMany(labels => labels.Values).Distinct().Order(StringComparer.Ordinal).ToArray();
        var counts = items.Select(labels => (IReadOnlyList<int>)categories
            .Select(category => labels.Values.Count(label => label == category)).ToArray()).ToList();
        return (Defined(FleissKappa.Compute(counts)), items.Count, raters);
    }

    private static double? Defined(double value) => double.IsNaN(value) ? null : value;
}
