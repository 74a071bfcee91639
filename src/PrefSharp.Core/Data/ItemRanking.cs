namespace PrefSharp.Core.Data;

/// <summary>
/// k items for one prompt or event, with an order (best first), scores, or pairwise labels.
/// Items are named (NASCAR drivers, models) and may carry text (k completions of one prompt).
/// </summary>
public sealed record ItemRanking(IReadOnlyList<RankedItem> Items) : PreferenceRecord
{
    /// <summary>The prompt (null for rankings of named items such as races).</summary>
    public Passage? Prompt { get; init; }

    /// <summary>The group this ranking belongs to (a race, a question id).</summary>
    public string? GroupId { get; init; }

    /// <summary>Indices into <see cref="Items"/> from best to worst; may be partial (top-k), null when unknown.</summary>
    public IReadOnlyList<int>? Order { get; init; }

    /// <summary>One score per item (higher is better), null when unknown.</summary>
    public IReadOnlyList<double>? Scores { get; init; }

    /// <summary>Pairwise labels among the items, null when unknown.</summary>
    public IReadOnlyList<PairwiseLabel>? PairwiseLabels { get; init; }

    public string? AnnotatorId { get; init; }
}

/// <summary>An item of a <see cref="ItemRanking"/>: a name, and its text when the items are completions.</summary>
public sealed record RankedItem(string Name, Passage? Text = null);

/// <summary>A pairwise verdict between items <see cref="First"/> and <see cref="Second"/> (indices into a ranking).</summary>
public sealed record PairwiseLabel(int First, int Second, BattleOutcome Outcome);
