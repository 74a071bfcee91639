namespace PrefSharp.Core.Ranking;

/// <summary>
/// The graph of comparisons: items are vertices, compared pairs (with positive weight) are edges.
/// Connected components decide whether ratings are comparable at all; strong connectivity of the
/// "scored against" digraph (an edge i→j when i took a positive score from j) decides whether the
/// Bradley–Terry maximum-likelihood estimate is finite (Ford 1957; Hunter 2004, Assumption 1).
/// </summary>
public sealed class ComparisonGraph
{
    internal ComparisonGraph(int[] componentOf, int componentCount)
    {
        ComponentOf = componentOf;
        ComponentCount = componentCount;
    }

    /// <summary>The component number of every item, numbered 0.. in order of each component's lowest item index.</summary>
    public IReadOnlyList<int> ComponentOf { get; }

    public int ComponentCount { get; }

    public bool IsConnected => ComponentCount == 1;

    /// <summary>The components of the compared pairs of <paramref name="counts"/>.</summary>
    public static ComparisonGraph Of(PairwiseCounts counts)
    {
        int n = counts.ItemCount;
        var parent = Enumerable.Range(0, n).ToArray();
        for (int pair = 0; pair < counts.PairCount; pair++)
        {
            if (!(counts.TotalWeight[pair] > 0)) continue;
            int a = Find(parent, counts.First[pair]), b = Find(parent, counts.Second[pair]);
            if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b);
        }
        var componentOf = new int[n];
        var numberOfRoot = new Dictionary<int, int>();
        for (int item = 0; item < n; item++)
        {
            int root = Find(parent, item);
            if (!numberOfRoot.TryGetValue(root, out int number)) numberOfRoot.Add(root, number = numberOfRoot.Count);
            componentOf[item] = number;
        }
        return new ComparisonGraph(componentOf, numberOfRoot.Count);
    }

    /// <summary>The item names of each component, largest first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ComponentNames(ItemIndex items) =>
        Enumerable.Range(0, items.Count).GroupBy(i => ComponentOf[i])
            .Select(g => (IReadOnlyList<string>)g.Select(i => items[i]).ToList())
            .OrderByDescending(c => c.Count).ToList();

    /// <summary>Throws <see cref="DisconnectedComparisonGraphException"/> naming the components unless the graph is connected.</summary>
    public void RequireConnected(ItemIndex items, string paramName)
    {
        if (!IsConnected) throw new DisconnectedComparisonGraphException(ComponentNames(items), paramName);
    }

    /// <summary>True when every component's score digraph is strongly connected: the unpenalised MLE is finite.</summary>
    public bool HasFiniteEstimates(PairwiseCounts counts) => ScoreGraph(counts).Strong;

    /// <summary>
    /// Null when every component's score digraph is strongly connected (the unpenalised MLE is finite);
    /// otherwise a sentence naming items that never lose or never win, for an error message.
    /// </summary>
    public string? DescribeInfiniteEstimates(PairwiseCounts counts)
    {
        var (strong, scored, conceded) = ScoreGraph(counts);
        if (strong) return null;
        int n = counts.ItemCount;
        var neverLose = Enumerable.Range(0, n).Where(i => !conceded[i]).Select(i => counts.Items[i]).ToList();
        var neverWin = Enumerable.Range(0, n).Where(i => !scored[i]).Select(i => counts.Items[i]).ToList();
        string detail = (neverLose.Count > 0 ? $" never lose: {ItemIndex.Describe(neverLose, 5)};" : "")
            + (neverWin.Count > 0 ? $" never win: {ItemIndex.Describe(neverWin, 5)};" : "");
        return "the maximum-likelihood ratings are infinite because some group of items never scores against the rest"
            + (detail.Length > 0 ? " (" + detail.Trim(' ', ';') + ")" : "");
    }

    private (bool Strong, bool[] Scored, bool[] Conceded) ScoreGraph(PairwiseCounts counts)
    {
        int n = counts.ItemCount;
        var forward = new List<int>[n];
        var backward = new List<int>[n];
        for (int i = 0; i < n; i++) { forward[i] = []; backward[i] = []; }
        var scored = new bool[n];
        var conceded = new bool[n];
        for (int pair = 0; pair < counts.PairCount; pair++)
        {
            int first = counts.First[pair], second = counts.Second[pair];
            double firstScore = counts.FirstScore[pair], secondScore = counts.TotalWeight[pair] - firstScore;
            if (firstScore > 0) { forward[first].Add(second); backward[second].Add(first); scored[first] = true; conceded[second] = true; }
            if (secondScore > 0) { forward[second].Add(first); backward[first].Add(second); scored[second] = true; conceded[first] = true; }
        }
        var sizes = new int[ComponentCount];
        foreach (int component in ComponentOf) sizes[component]++;
        var rootSeen = new bool[ComponentCount];
        for (int root = 0; root < n; root++)
        {
            int component = ComponentOf[root];
            if (rootSeen[component]) continue;
            rootSeen[component] = true;
            if (Reach(forward, root) != sizes[component] || Reach(backward, root) != sizes[component]) return (false, scored, conceded);
        }
        return (true, scored, conceded);
    }

    internal static int Reach(List<int>[] adjacency, int root)
    {
        var seen = new bool[adjacency.Length];
        var stack = new Stack<int>();
        stack.Push(root);
        seen[root] = true;
        int reached = 1;
        while (stack.Count > 0)
        {
            foreach (int next in adjacency[stack.Pop()])
            {
                if (seen[next]) continue;
                seen[next] = true;
                reached++;
                stack.Push(next);
            }
        }
        return reached;
    }

    internal static int Find(int[] parent, int item)
    {
        while (parent[item] != item) item = parent[item] = parent[parent[item]];
        return item;
    }
}
