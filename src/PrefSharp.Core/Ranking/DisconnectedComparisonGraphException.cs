namespace PrefSharp.Core.Ranking;

/// <summary>
/// The comparison graph (items as vertices, compared pairs as edges) has more than one connected component,
/// so ratings in different components are not comparable: each has its own free origin.
/// The message names the components; <see cref="Components"/> lists them in full.
/// </summary>
public sealed class DisconnectedComparisonGraphException : ArgumentException
{
    public DisconnectedComparisonGraphException(IReadOnlyList<IReadOnlyList<string>> components, string? paramName)
        : base(Format(components), paramName)
    {
        Components = components;
    }

    /// <summary>The item names of each connected component, largest first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Components { get; }

    private static string Format(IReadOnlyList<IReadOnlyList<string>> components)
    {
        var shown = components.Take(6).Select((c, i) => $"component {i + 1} ({c.Count} items): {ItemIndex.Describe(c, 5)}");
        string more = components.Count > 6 ? $"; and {components.Count - 6} more components" : "";
        return $"The comparison graph is disconnected into {components.Count} components, whose ratings are not comparable: "
            + string.Join("; ", shown) + more
            + ". Add battles that connect them, or anchor each component separately (AnchorEachComponent).";
    }
}
