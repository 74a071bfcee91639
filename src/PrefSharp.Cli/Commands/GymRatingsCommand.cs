using System.CommandLine;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Attributes;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp gym ratings</c>: multi-objective reward data from a world whose gold is made of named attributes
/// (<see cref="IAttributedWorld"/>): <c>ratings.jsonl</c> (every response rated on every attribute, plus noise),
/// <c>pairs.jsonl</c> (pairs labelled by each annotator group at a temperature; the group's name follows the topic in the
/// prompt and is the pair's source) and <c>gold.jsonl</c> (every differing pair of a fresh sample, ordered by each
/// group's gold: the held-out test, never train on it). Feeds <c>train-armo</c>, <c>eval-rm</c> and <c>score</c>.
/// </summary>
public static class GymRatingsCommand
{
    public static Command Create()
    {
        var world = GymCommand.WorldOption("pluralistic");
        var prompts = new Option<int>("--prompts") { Description = "Prompts to draw (≥ 1)", DefaultValueFactory = _ => 400 };
        var responses = new Option<int>("--responses") { Description = "Responses per prompt (≥ 2)", DefaultValueFactory = _ => 4 };
        var noise = new Option<double>("--noise") { Description = "Standard deviation of the Gaussian noise on every rating (≥ 0)", DefaultValueFactory = _ => 0.25 };
        var temperature = new Option<double>("--temperature") { Description = "Annotator temperature T of the pairs: P(A ≻ B) = σ(Δu/T) (> 0)", DefaultValueFactory = _ => 0.5 };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same files", DefaultValueFactory = _ => 0 };
        var output = new Option<string>("--out", "-o") { Description = "Output folder for ratings.jsonl, pairs.jsonl, gold.jsonl", Required = true };
        var command = new Command("ratings", "Per-attribute ratings, group-labelled pairs and held-out gold pairs of a world with attribute-made gold (lexicon, pluralistic)")
        {
            world, prompts, responses, noise, temperature, seed, output,
        };
        command.SetAction(parse =>
        {
            var attributed = GymCommand.AttributedWorld(parse.GetValue(world)!);
            var (count, perPrompt, theSeed) = (parse.GetValue(prompts), parse.GetValue(responses), parse.GetValue(seed));
            if (count < 1) throw new ArgumentException($"--prompts must be ≥ 1 (got {count})");
            if (perPrompt < 2) throw new ArgumentException($"--responses must be ≥ 2 (got {perPrompt})");
            IReadOnlyList<string?> groups = attributed.Groups.Count > 0 ? [.. attributed.Groups] : [null];
            var samples = GymSampler.Sample(attributed, count, perPrompt, theSeed);
            var directory = Directory.CreateDirectory(parse.GetValue(output)!).FullName;
            var ratings = AttributeData.Ratings(attributed, samples, parse.GetValue(noise), theSeed + 1);
            RatingFileWriter.Write(Path.Combine(directory, "ratings.jsonl"), attributed.AttributeNames,
                ratings.Select((r, i) => (AttributeData.GroupPrompt(r.Prompt, groups[i % groups.Count]), r.Response, (IReadOnlyList<double>)r.Ratings)));
            var pairs = groups.SelectMany((g, i) => AttributeData.Pairs(attributed, samples, g, parse.GetValue(temperature), theSeed + 2 + i)).ToList();
            TrlJsonlWriter.Write(Path.Combine(directory, "pairs.jsonl"), pairs.Select(ToRecord));
            var fresh = GymSampler.Sample(attributed, Math.Max(1, count / 4), perPrompt, theSeed + 1_000_003);
            var gold = groups.SelectMany(g => AttributeData.GoldPairs(attributed, fresh, g)).ToList();
            TrlJsonlWriter.Write(Path.Combine(directory, "gold.jsonl"), gold.Select(ToRecord));
            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"wrote {ratings.Count} rated responses, {pairs.Count} labelled pairs and {gold.Count} gold pairs of {attributed.Name} to {directory}");
            writer.WriteLine($"objectives: {string.Join(",", attributed.AttributeNames)}");
            foreach (var group in groups)
                writer.WriteLine($"  {group ?? "gold"} weights: {string.Join(",", attributed.AttributeWeights(group).Select(w => w.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp gym ratings --world pluralistic --prompts 400 --out data/pluralistic",
            "prefsharp train-armo --ratings data/pluralistic/ratings.jsonl --objectives coverage,brevity,politeness,cleanliness,restraint --pairs data/pluralistic/pairs.jsonl --preset tiny --out runs/armo");
    }

    private static PreferencePair ToRecord(GroupPair pair) => new(Passage.FromText(pair.Prompt), Passage.FromText(pair.Chosen), Passage.FromText(pair.Rejected))
    {
        Source = pair.Group ?? "gold", AnnotatorId = pair.Group,
    };
}
