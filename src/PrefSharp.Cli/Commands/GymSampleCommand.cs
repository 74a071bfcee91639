using System.CommandLine;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp gym sample</c>: prompts and responses of mixed quality as TRL prompt/completion JSONL.</summary>
public static class GymSampleCommand
{
    public static Command Create()
    {
        var world = GymCommand.WorldOption();
        var prompts = new Option<int>("--prompts") { Description = "Prompts to draw (≥ 1)", DefaultValueFactory = _ => 100 };
        var responses = new Option<int>("--responses") { Description = "Responses per prompt (≥ 1)", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same file", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = "Output file (TRL JSONL; .gz compresses; written atomically)", Required = true };
        var command = new Command("sample", "Sample prompts and demonstrations of mixed quality, with gold utilities, as TRL prompt/completion JSONL")
        {
            world, prompts, responses, seed, output,
        };
        command.SetAction(parse =>
        {
            var theWorld = WorldCatalog.Get(parse.GetValue(world)!);
            var count = parse.GetValue(prompts);
            var perPrompt = parse.GetValue(responses);
            if (count < 1) throw new ArgumentException($"--prompts must be ≥ 1 (got {count})");
            if (perPrompt < 1) throw new ArgumentException($"--responses must be ≥ 1 (got {perPrompt})");
            var samples = GymSampler.Sample(theWorld, count, perPrompt, parse.GetValue(seed));
            var path = parse.GetValue(output)!;
            TrlJsonlWriter.Write(path, GymRecords.ToUnpaired(theWorld, samples));
            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"wrote {samples.Count} responses to {count} {theWorld.Name} prompts to {path}");
            foreach (var policy in samples.GroupBy(s => s.Policy).OrderBy(g => g.Key, StringComparer.Ordinal))
                writer.WriteLine($"  {policy.Key}: {policy.Count(),6} responses, mean gold utility {policy.Average(s => s.GoldUtility):0.000}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp gym sample --world sorting --prompts 200 --responses 4 --seed 1 --out sorting.jsonl",
            "prefsharp gym sample --world lexicon --prompts 1000 --out lexicon.jsonl.gz");
    }
}
