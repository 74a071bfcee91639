using System.CommandLine;
using PrefSharp.Cli.Output;
using PrefSharp.Core.Data;
using PrefSharp.Recipes.Curation;
using PrefSharp.Recipes.RewardModels;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp data curate IN OUT --rm DIR</c>: preference strength from a reward-model ensemble, mislabel flags,
/// and the pairs worth training on (<see cref="PreferenceCuration"/>).
/// </summary>
public static class DataCurateCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "Preference pairs (any format 'data convert' reads)" };
        var output = new Argument<string>("OUT") { Description = "The curated pairs, TRL JSONL (written atomically; .gz compresses)" };
        var rm = new Option<string>("--rm") { Description = "An ensemble folder (train-rm --ensemble K) or one scalar reward model", Required = true };
        var maxStrength = new Option<double>("--max-strength")
        {
            Description = "Flag a pair as mislabelled when its mean strength σ(r(chosen) − r(rejected)) is below this and every member reverses it",
            DefaultValueFactory = _ => new CurationRules().MaxStrength,
        };
        var flip = new Option<bool>("--flip") { Description = "Swap chosen and rejected of flagged pairs instead of dropping them" };
        var minStrength = new Option<double?>("--min-strength") { Description = "Also drop unflagged pairs whose mean strength is below this (the reward models do not agree with the label)" };
        var strengths = new Option<string?>("--strengths") { Description = "Write one JSON line per input pair: index, mean and std of the strength, flagged, decision" };
        var maxLength = new Option<int>("--max-length") { Description = "Truncate each sequence to this many tokens", DefaultValueFactory = _ => 1024 };
        var reading = new ReadingOptions();
        var command = new Command("curate", "Score preference pairs with a reward-model ensemble (Secrets of RLHF II's preference strength), flag likely mislabels, drop or flip them, and filter by agreement")
        {
            input, output, rm, maxStrength, flip, minStrength, strengths, maxLength,
        };
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            var rules = new CurationRules { MaxStrength = parse.GetValue(maxStrength), FlipFlagged = parse.GetValue(flip), MinStrength = parse.GetValue(minStrength) };
            try
            {
                rules.Validate();
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"{(error.ParamName == nameof(CurationRules.MinStrength) ? "--min-strength" : "--max-strength")}: {error.Message}", error);
            }
            var pairs = RewardPairs.Read(parse.GetValue(input)!, reading.From(parse));
            if (pairs.Count == 0) throw new ArgumentException($"{parse.GetValue(input)}: no preference pairs to curate");
            var result = PreferenceCuration.Run(parse.GetValue(rm)!, pairs, rules, parse.GetValue(maxLength));
            var written = TrlJsonlWriter.Write(parse.GetValue(output)!, result.Curated);
            if (parse.GetValue(strengths) is { } path) CurationReport.WriteRows(path, result.Rows);
            CurationReport.WriteSummary(parse.InvocationConfiguration.Output, result, written, parse.GetValue(output)!);
            return 0;
        });
        return command.WithExamples(
            "prefsharp data curate pairs.jsonl curated.jsonl --rm runs/rm-ensemble",
            "prefsharp data curate pairs.jsonl curated.jsonl --rm runs/rm-ensemble --flip --strengths strengths.jsonl",
            "prefsharp data curate pairs.jsonl curated.jsonl --rm runs/rm --min-strength 0.5   # keep pairs the reward model agrees with");
    }
}
