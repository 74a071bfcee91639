using System.CommandLine;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp gym</c>: worlds with a known gold utility and simulated annotators.</summary>
public static class GymCommand
{
    public static Command Create() => new("gym", "Preference worlds with a known gold utility: sample responses, label them with simulated annotators")
    {
        GymListCommand.Create(),
        GymSampleCommand.Create(),
        GymAnnotateCommand.Create(),
        GymRatingsCommand.Create(),
        GymProbeCommand.Create(),
    };

    /// <summary>The world <paramref name="name"/>, which must decompose its gold into named attributes.</summary>
    public static Core.Gym.Worlds.IAttributedWorld AttributedWorld(string name)
    {
        var named = Core.Gym.Worlds.WorldCatalog.Get(name);
        return named as Core.Gym.Worlds.IAttributedWorld ?? throw new ArgumentException(
            $"--world: {named.Name} has no attribute decomposition; use one of {string.Join(", ", Core.Gym.Worlds.WorldCatalog.All.OfType<Core.Gym.Worlds.IAttributedWorld>().Select(w => w.Name))}");
    }

    /// <summary>The --world option every gym verb shares.</summary>
    public static Option<string> WorldOption(string defaultWorld = "lexicon") => new("--world", "-w")
    {
        Description = $"The world: {string.Join(", ", Core.Gym.Worlds.WorldCatalog.Names)} (see prefsharp gym list)",
        DefaultValueFactory = _ => defaultWorld,
    };
}
