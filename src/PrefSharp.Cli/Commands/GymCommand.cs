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
    };

    /// <summary>The --world option every gym verb shares.</summary>
    public static Option<string> WorldOption(string defaultWorld = "lexicon") => new("--world", "-w")
    {
        Description = $"The world: {string.Join(", ", Core.Gym.Worlds.WorldCatalog.Names)} (see prefsharp gym list)",
        DefaultValueFactory = _ => defaultWorld,
    };
}
