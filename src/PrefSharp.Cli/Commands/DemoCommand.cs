using System.CommandLine;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp demo</c>: the whole loop on a gym world, into a run folder with summary.json and report.html.
/// Stages come from <see cref="DemoStages.Create"/>.
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var world = GymCommand.WorldOption();
        var quick = new Option<bool>("--quick") { Description = "Small data and few bootstrap rounds: a first look in seconds" };
        var output = new Option<string?>("--out", "-o") { Description = "Run folder (default: runs/demo-WORLD-seedS)" };
        var seed = new Option<int>("--seed") { Description = "Seed of everything in the run", DefaultValueFactory = _ => 0 };
        var annotators = new Option<string>("--annotators", "-a") { Description = $"Simulated panel, as in gym annotate (keys {AnnotatorSpec.Keys})", DefaultValueFactory = _ => AnnotatorSpec.Default };
        var stageNames = DemoStages.Create().Select(s => s.Name).ToList();
        var only = new Option<string?>("--stages") { Description = $"Run only these stages, comma-separated (default: all of {string.Join(",", stageNames)})" };
        var command = new Command("demo", "Run the preference-learning loop on a gym world and write summary.json and an HTML report")
        {
            world, quick, output, seed, annotators, only,
        };
        command.SetAction(parse =>
        {
            var theWorld = WorldCatalog.Get(parse.GetValue(world)!);
            var options = new DemoOptions
            {
                World = theWorld,
                Seed = parse.GetValue(seed),
                Quick = parse.GetValue(quick),
                Annotators = parse.GetValue(annotators)!,
                OutputFolder = parse.GetValue(output) ?? Path.Combine("runs", $"demo-{theWorld.Name}-seed{parse.GetValue(seed)}"),
            };
            var log = parse.InvocationConfiguration.Output;
            var summary = DemoPipeline.Run(options, DemoStages.Select(parse.GetValue(only)), log);
            var folder = Path.GetFullPath(options.OutputFolder);
            var shown = Path.GetRelativePath(Environment.CurrentDirectory, folder);   // short when the run is below here
            if (shown.StartsWith("..", StringComparison.Ordinal)) shown = folder;
            log.WriteLine($"leaderboard: {string.Join(" > ", summary.Leaderboard.Select(i => i.Name))}");
            log.WriteLine($"summary: {Path.Combine(shown, "summary.json")}");
            log.WriteLine($"report:  {Path.Combine(shown, "report.html")}   (open it in a browser: the leaderboard, the over-optimisation plot, every stage)");
            return 0;
        });
        return command.WithExamples(
            "prefsharp demo --quick                          # lexicon world, a few seconds",
            "prefsharp demo --world intransitive --seed 3 --out runs/cycle",
            "prefsharp demo --quick --stages best-of-n,sft,leaderboard",
            "prefsharp demo --world pluralistic --annotators 'brief:group=concise;thorough:group=detailed'");
    }
}
