namespace PrefSharp.Core.Gym.Worlds;

/// <summary>The gym's worlds by name: sorting, lexicon, pluralistic, intransitive.</summary>
public static class WorldCatalog
{
    /// <summary>Every world, in the order <c>prefsharp gym list</c> shows them.</summary>
    public static IReadOnlyList<IWorld> All { get; } = [new SortingWorld(), new LexiconWorld(), new PluralisticWorld(), new IntransitiveWorld()];

    public static IReadOnlyList<string> Names { get; } = All.Select(w => w.Name).ToArray();

    /// <summary>The world called <paramref name="name"/> (case-insensitive); the error names the option and the worlds.</summary>
    public static IWorld Get(string name, string option = "--world") =>
        All.FirstOrDefault(w => string.Equals(w.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"{option}: unknown world \"{name}\"; expected one of {string.Join(", ", Names)}");
}
