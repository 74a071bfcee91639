using System.CommandLine;
using System.Text.Json;
using PrefSharp.Recipes.Dpo;
using PrefSharp.Recipes.RewardModels;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp eval-rm --model DIR --data FILE</c>: pairwise accuracy (overall, per subset), ECE and temperature, from
/// the model's preference logits (r_c − r_r, or a General Preference Model's s/β; see <c>PreferenceLogits</c>). With
/// <c>--reference</c>, a DPO policy's implicit reward instead, with ranking and idealised ranking accuracy (Chen et al. 2024).
/// </summary>
public static class EvalRmCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Reward model directory (Hugging Face seq-cls layout), or an ensemble folder from train-rm --ensemble K", Required = true };
        var data = new Option<string>("--data") { Description = "Preference pairs (any format 'data convert' reads)", Required = true };
        var subsetField = new Option<string?>("--subset-field") { Description = "Group accuracy by this record field: 'source' (default when present), 'annotator' or 'id'" };
        subsetField.AcceptOnlyFromAmong("source", "annotator", "id");
        var output = new Option<string>("--output") { Description = "table or json", DefaultValueFactory = _ => "table" };
        output.AcceptOnlyFromAmong("table", "json");
        var batchSize = new Option<int>("--batch-size") { Description = "Sequences per forward pass", DefaultValueFactory = _ => 16 };
        var maxLength = new Option<int>("--max-length") { Description = "Truncate each sequence to this many tokens", DefaultValueFactory = _ => 1024 };
        var direction = MultiObjectiveCli.DirectionOption();
        var reference = new Option<string?>("--reference") { Description = "Reference checkpoint: --model is then a DPO policy, rated by its implicit reward β·log π/π_ref, ranking and idealised ranking accuracy" };
        var beta = new Option<double>("--beta") { Description = "β of the implicit reward (with --reference)", DefaultValueFactory = _ => 0.1 };
        var fewShot = new Option<int?>("--few-shot")
        {
            Description = "k: score each annotator's pairs after their first k only; a PAL/MiCRo model treats every annotator as unseen and fits their mixture on those k",
        };
        var ensemble = new EnsembleCli();
        var reading = new ReadingOptions();
        var command = new Command("eval-rm", "Evaluate a reward model on preference pairs: accuracy overall and per subset, ECE, temperature on the decided pairs; "
            + "pairs judged a tie are rated on three outcomes (log-likelihood, tie rate, win/tie/loss accuracy) by a Rao–Kupper model and counted as skipped by any other")
        {
            model, data, subsetField, output, batchSize, maxLength, direction, reference, beta, fewShot,
        };
        reading.AddTo(command);
        ensemble.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(reference) is { } referenceDirectory)
            {
                var ranking = ImplicitRewardEvaluationRecipe.Run(parse.GetValue(model)!, referenceDirectory, parse.GetValue(data)!, reading.From(parse),
                    parse.GetValue(maxLength), parse.GetValue(batchSize), parse.GetValue(beta));
                parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(output) == "json" ? JsonSerializer.Serialize(ranking) : ranking.Summary());
                return 0;
            }
            var (report, config, lengthBaseline) = RewardModelEvaluationRecipe.Run(parse.GetValue(model)!, parse.GetValue(data)!, reading.From(parse),
                parse.GetValue(subsetField) ?? "source", parse.GetValue(maxLength), parse.GetValue(batchSize), parse.GetValue(direction),
                ensemble.From(parse), parse.GetValue(fewShot));
            var generalPreference = config?.IsGeneralPreference == true;
            var writer = parse.InvocationConfiguration.Output;
            if (parse.GetValue(output) == "json")
            {
                var json = report.ToJson();
                json["length_baseline_accuracy"] = lengthBaseline;
                if (generalPreference) json["head"] = "gpm";
                if (config?.TieThreshold is { } eta) json["tie_threshold"] = eta;
                writer.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
                return 0;
            }
            writer.WriteLine($"accuracy     {report.Accuracy.Accuracy:F4}  ({report.Accuracy.Count} decided pairs, equal scores count ½)");
            writer.WriteLine($"length       {lengthBaseline:F4}  (baseline: the longer completion wins)");
            writer.WriteLine($"ECE          {report.Ece:F4}  (10 bins)");
            writer.WriteLine($"temperature  {report.Temperature:F3}  (NLL-optimal on these pairs)");
            writer.WriteLine($"mean margin  {report.MeanMargin:F4}{(generalPreference ? "  (GPM logit s/β)" : "")}");
            if (config?.TieThreshold is { } threshold) writer.WriteLine($"tie η        {threshold:F4}  (Rao–Kupper threshold fitted in training)");
            if (report.TiesSkipped > 0)
                writer.WriteLine($"ties skipped {report.TiesSkipped}  (pairs judged a tie: this model has no tie threshold to rate them; train-rm --loss rao-kupper has)");
            if (report.ThreeOutcome is { } three)
            {
                writer.WriteLine($"three-way    {three.Accuracy:F4}  (win / tie / loss, most probable outcome; {three.Pairs} pairs, {three.Ties} ties)");
                writer.WriteLine($"log-lik      {three.MeanLogLikelihood:F4}  (mean log P(observed outcome) per pair, Rao–Kupper)");
                writer.WriteLine($"tie rate     {three.PredictedTieRate:F4}  (predicted mean P(tie); observed {three.ObservedTieRate:F4})");
            }
            foreach (var (name, subset) in report.Accuracy.Subsets)
                writer.WriteLine($"  {name,-30} {subset.Accuracy:F4}  n={subset.Count}");
            return 0;
        });
        return command.WithExamples(
            "prefsharp eval-rm --model runs/rm --data test.jsonl",
            "prefsharp eval-rm --model runs/rm --data rewardbench.jsonl --subset-field source --output json",
            "prefsharp eval-rm --model runs/armo --data pairs.jsonl --direction 1,-0.5,0,0.5",
            "prefsharp eval-rm --model runs/pal --data new-users.jsonl --few-shot 8",
            "prefsharp eval-rm --model runs/dpo/final --reference runs/sft/final --beta 0.1 --data test.jsonl");
    }
}
