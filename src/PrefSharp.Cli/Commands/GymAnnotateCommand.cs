using System.CommandLine;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Cli.Commands;

/// <summary><c>prefsharp gym annotate</c>: labels pairs of sampled responses with simulated annotators.</summary>
public static class GymAnnotateCommand
{
    public static Command Create()
    {
        var world = GymCommand.WorldOption();
        var input = new Option<string>("--input", "-i") { Description = "Responses to label: what gym sample writes (or any TRL prompt/completion or pair file)", Required = true };
        var annotators = new Option<string>("--annotators", "-a")
        {
            Description = $"Panel: 'ID[:key=value,…];…' with keys {AnnotatorSpec.Keys}",
            DefaultValueFactory = _ => AnnotatorSpec.Default,
        };
        var output = new Option<string>("--out", "-o") { Description = "Output file (written atomically; .gz compresses)", Required = true };
        var format = new Option<string>("--format") { Description = "pairs (TRL preference JSONL) or battles (PrefSharp battles between policies)", DefaultValueFactory = _ => "pairs" };
        format.AcceptOnlyFromAmong("pairs", "battles");
        var maxPairs = new Option<int?>("--max-pairs") { Description = "Label at most this many random pairs per prompt (default: every pair)" };
        var seed = new Option<int>("--seed") { Description = "Seed of the pairing and of the annotators' draws", DefaultValueFactory = _ => 0 };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Skip bad input records and report how many" };
        var command = new Command("annotate", "Label pairs of sampled responses with simulated annotators; write TRL pairs or battles")
        {
            world, input, annotators, output, format, maxPairs, seed, skipInvalid,
        };
        command.SetAction(parse =>
        {
            var theWorld = WorldCatalog.Get(parse.GetValue(world)!);
            var panel = AnnotatorSpec.Parse(parse.GetValue(annotators)!);
            var path = parse.GetValue(input)!;
            var reader = new PreferenceFileReader(path, new ReadOptions { SkipInvalid = parse.GetValue(skipInvalid) });
            var samples = GymRecords.FromRecords(theWorld, reader);
            ReadingOptions.ReportSkipped(reader.Skipped, path, parse.InvocationConfiguration.Error);
            var judgements = GymAnnotation.Annotate(theWorld, samples, panel, parse.GetValue(seed), parse.GetValue(maxPairs));
            var target = parse.GetValue(output)!;
            var written = parse.GetValue(format) == "battles"
                ? BattleJsonlWriter.Write(target, GymRecords.ToBattles(judgements))
                : TrlJsonlWriter.Write(target, GymRecords.ToPairs(theWorld, judgements));
            var ties = judgements.Count(j => j.Outcome is BattleOutcome.Tie);
            var agree = judgements.Count(j => j.Outcome != BattleOutcome.Tie && j.A.GoldUtility != j.B.GoldUtility &&
                (j.Outcome == BattleOutcome.A) == (j.A.GoldUtility > j.B.GoldUtility));
            var decided = judgements.Count(j => j.Outcome != BattleOutcome.Tie && j.A.GoldUtility != j.B.GoldUtility);
            parse.InvocationConfiguration.Output.WriteLine(
                $"labelled {judgements.Count} pairs of {samples.Count} responses by {panel.Count} annotator(s): {ties} ties, " +
                $"{(decided == 0 ? 0 : 100.0 * agree / decided):0.0}% agree with gold; wrote {written} {parse.GetValue(format)} to {target}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp gym annotate --world lexicon --input lexicon.jsonl --out pairs.jsonl",
            "prefsharp gym annotate --world pluralistic --input p.jsonl --annotators 'brief:group=concise;thorough:group=detailed' --out pairs.jsonl",
            "prefsharp gym annotate --world sorting --input sorting.jsonl --annotators 'noisy:flip=0.2,position=0.3' --format battles --out battles.jsonl");
    }
}
