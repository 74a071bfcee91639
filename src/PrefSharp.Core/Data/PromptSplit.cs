namespace PrefSharp.Core.Data;

/// <summary>
/// An honest held-out split: records are grouped by prompt (<see cref="Passage.ToPlainText"/> of the key the caller
/// gives), the distinct prompts are shuffled by a seeded <see cref="Random"/>, and the first ⌈fraction · prompts⌉
/// prompts go to the held-out side, so no prompt is on both sides. Deterministic for a seed.
/// </summary>
public static class PromptSplit
{
    /// <summary>(train, held-out) of <paramref name="records"/>; both keep the input order.</summary>
    public static (IReadOnlyList<T> Train, IReadOnlyList<T> HeldOut) Split<T>(IReadOnlyList<T> records, Func<T, string> promptOf,
        double fraction, int seed)
    {
        if (!(fraction > 0 && fraction < 1)) throw new ArgumentException($"--eval-split must be in (0, 1), found {fraction}", nameof(fraction));
        var prompts = records.Select(promptOf).Distinct(StringComparer.Ordinal).ToArray();
        if (prompts.Length < 2) throw new ArgumentException($"--eval-split needs at least 2 distinct prompts, found {prompts.Length}", nameof(records));
        new Random(seed).Shuffle(prompts);
        var heldOutCount = Math.Min(prompts.Length - 1, (int)Math.Ceiling(fraction * prompts.Length));
        var heldOut = new HashSet<string>(prompts.Take(heldOutCount), StringComparer.Ordinal);
        var train = new List<T>();
        var held = new List<T>();
        foreach (var record in records) (heldOut.Contains(promptOf(record)) ? held : train).Add(record);
        return (train, held);
    }
}
