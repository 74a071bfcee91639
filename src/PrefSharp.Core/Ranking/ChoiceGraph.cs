namespace PrefSharp.Core.Ranking;

/// <summary>
/// Graph checks for Plackett–Luce data: components of "appeared together" and Hunter's (2004) Assumption 1 —
/// for every split of the items, some item of one part is chosen ahead of some item of the other — which holds
/// exactly when the "chosen ahead of" digraph is strongly connected in every component and guarantees a finite MLE.
/// </summary>
public static class ChoiceGraph
{
    /// <summary>Components of the items that share an observation.</summary>
    public static ComparisonGraph Components(ChoiceData data)
    {
        int n = data.Items.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        for (int obs = 0; obs < data.Count; obs++)
        {
            if (!(data.Weights[obs] > 0)) continue;
            int[] set = data.Sets[obs];
            for (int k = 1; k < set.Length; k++)
            {
                int a = ComparisonGraph.Find(parent, set[0]), b = ComparisonGraph.Find(parent, set[k]);
                if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
            }
        }
        var componentOf = new int[n];
        var numberOfRoot = new Dictionary<int, int>();
        for (int item = 0; item < n; item++)
        {
            int root = ComparisonGraph.Find(parent, item);
            if (!numberOfRoot.TryGetValue(root, out int number)) numberOfRoot.Add(root, number = numberOfRoot.Count);
            componentOf[item] = number;
        }
        return new ComparisonGraph(componentOf, numberOfRoot.Count);
    }

    /// <summary>Null when the MLE is finite; otherwise a sentence naming items never chosen ahead of another.</summary>
    public static string? DescribeInfiniteEstimates(ChoiceData data, ComparisonGraph components)
    {
        int n = data.Items.Count;
        var forward = new HashSet<int>[n];
        var backward = new HashSet<int>[n];
        for (int i = 0; i < n; i++) { forward[i] = []; backward[i] = []; }
        for (int obs = 0; obs < data.Count; obs++)
        {
            if (!(data.Weights[obs] > 0)) continue;
            int[] set = data.Sets[obs];
            for (int s = 0; s < data.Stages[obs]; s++)
                for (int k = s + 1; k < set.Length; k++) { forward[set[s]].Add(set[k]); backward[set[k]].Add(set[s]); }
        }
        var forwardLists = forward.Select(h => h.ToList()).ToArray();
        var backwardLists = backward.Select(h => h.ToList()).ToArray();
        var sizes = new int[components.ComponentCount];
        foreach (int component in components.ComponentOf) sizes[component]++;
        var seen = new bool[components.ComponentCount];
        for (int root = 0; root < n; root++)
        {
            int component = components.ComponentOf[root];
            if (seen[component]) continue;
            seen[component] = true;
            if (ComparisonGraph.Reach(forwardLists, root) == sizes[component] && ComparisonGraph.Reach(backwardLists, root) == sizes[component]) continue;
            var neverAhead = Enumerable.Range(0, n).Where(i => forward[i].Count == 0).Select(i => data.Items[i]).ToList();
            var neverBehind = Enumerable.Range(0, n).Where(i => backward[i].Count == 0).Select(i => data.Items[i]).ToList();
            return "the maximum-likelihood strengths are infinite (Hunter 2004, Assumption 1 fails)"
                + (neverAhead.Count > 0 ? $"; never chosen ahead of another item: {ItemIndex.Describe(neverAhead, 5)}" : "")
                + (neverBehind.Count > 0 ? $"; never behind another item: {ItemIndex.Describe(neverBehind, 5)}" : "");
        }
        return null;
    }
}
