using System.CommandLine;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp gym list</c>: the worlds, each with one line and an example prompt and response.</summary>
public static class GymListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the gym's worlds with a one-line description and an example");
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            foreach (var world in WorldCatalog.All)
            {
                var random = new Random(0);
                var prompt = world.SamplePrompt(random);
                var response = world.Demonstrate(prompt, 1.0, random);
                var groups = world.Groups.Count > 0 ? $"  groups: {string.Join(", ", world.Groups)}" : "";
                output.WriteLine($"{world.Name,-13} {world.Description}");
                output.WriteLine($"{"",-13} e.g. \"{prompt}\" → \"{response}\" (gold {world.GoldUtility(prompt, response):0.###}){groups}");
            }
            return 0;
        });
        return command.WithExamples("prefsharp gym list");
    }
}
