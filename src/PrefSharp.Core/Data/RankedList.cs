namespace PrefSharp.Core.Data;

/// <summary>
/// k ≥ 2 responses to one prompt listed BEST FIRST, with graded labels in the same order (non-increasing; higher is
/// better): the unit of listwise reward-model training (Plackett–Luce reads the order, ListNet the labels).
/// Built from records by <see cref="RankedLists"/>.
/// </summary>
public sealed record RankedList(Passage Prompt, IReadOnlyList<Passage> Responses, IReadOnlyList<double> Labels);
