using System.CommandLine;
using System.Globalization;
using PrefSharp.Recipes.RewardModels;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp gym probe --model DIR</c>: which of a world's preference dimensions a reward model's representation
/// encodes (<see cref="RewardProbing"/>): held-out R² of a linear probe per attribute, against an untrained model of the
/// same architecture.
/// </summary>
public static class GymProbeCommand
{
    public static Command Create()
    {
        var world = GymCommand.WorldOption();
        var model = new Option<string>("--model") { Description = "Reward model directory (any head: the probe reads the hidden state the head reads)", Required = true };
        var samples = new Option<int>("--samples") { Description = "Responses of mixed quality to probe (≥ 20; 80 % fit the probe, 20 % score it)", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the responses, the split and the untrained baseline", DefaultValueFactory = _ => 0 };
        var maxLength = new Option<int>("--max-length") { Description = "Truncate each sequence to this many tokens", DefaultValueFactory = _ => 256 };
        var command = new Command("probe", "Probe a reward model (MRMBench-style): held-out R² of a linear probe on its hidden state for each attribute of a world's gold, against an untrained baseline")
        {
            world, model, samples, seed, maxLength,
        };
        command.SetAction(parse =>
        {
            var attributed = GymCommand.AttributedWorld(parse.GetValue(world)!);
            var rows = RewardProbing.Run(parse.GetValue(model)!, attributed, parse.GetValue(samples), parse.GetValue(seed), parse.GetValue(maxLength));
            var writer = parse.InvocationConfiguration.Output;
            writer.WriteLine($"{"dimension",-14} {"R² trained",10} {"R² untrained",13}   (held-out linear probe on the pooled hidden state, {attributed.Name})");
            static string R2(double value) => double.IsNaN(value) ? "—" : value.ToString("F3", CultureInfo.InvariantCulture);
            foreach (var row in rows)
                writer.WriteLine($"{row.Dimension,-14} {R2(row.TrainedR2),10} {R2(row.UntrainedR2),13}"
                    + (double.IsNaN(row.TrainedR2) ? "   (constant on the held-out responses: nothing to explain)" : ""));
            return 0;
        });
        return command.WithExamples(
            "prefsharp gym probe --world lexicon --model runs/demo-lexicon-seed0/reward-model/model",
            "prefsharp gym probe --world pluralistic --model runs/rm --samples 4000");
    }
}
