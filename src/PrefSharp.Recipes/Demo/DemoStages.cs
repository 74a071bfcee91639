using PrefSharp.Recipes.Demo.Stages;

namespace PrefSharp.Recipes.Demo;

/// <summary>
/// The stages of <c>prefsharp demo</c>, in order. Plug a trainer in by replacing its <see cref="NotAvailableStage"/>
/// with a class implementing <see cref="IDemoStage"/> (same name). A stage that trains a policy registers its checkpoint
/// with <see cref="DemoContext.RegisterPolicy"/>; the last stage, <see cref="PolicyLeaderboardStage"/>, ranks them all.
/// </summary>
public static class DemoStages
{
    public static IReadOnlyList<IDemoStage> Create() =>
    [
        new BestOfNStage(),
        new SftStage(),
        new RewardModelStage(),
        new DpoStage(),
        new GrpoStage(),
        new PrefGrpoStage(),
        new PolicyLeaderboardStage(),
    ];

    /// <summary>
    /// The stages named in <paramref name="names"/> (comma-separated, in pipeline order; null or empty: all). A later stage
    /// whose input is missing (dpo without sft) reports that itself.
    /// </summary>
    public static IReadOnlyList<IDemoStage> Select(string? names)
    {
        var all = Create();
        if (string.IsNullOrWhiteSpace(names)) return all;
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Where(n => all.All(s => !string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"--stages: unknown stage {string.Join(", ", unknown)}; expected names from {string.Join(", ", all.Select(s => s.Name))}");
        return all.Where(s => wanted.Contains(s.Name)).ToList();
    }
}
