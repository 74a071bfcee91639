using System.CommandLine;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using static PrefSharp.Cli.Commands.TrainRmCommand;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>train-rm --loss plackett-luce|listnet</c>: reads k-way lists (<see cref="RankedLists"/>: rankings with texts, or
/// several pairs sharing a prompt), splits by prompt, trains one scalar reward model with the listwise loss, and
/// reports held-out accuracy on every ordered pair of the held-out lists (labels differ).
/// </summary>
internal static class TrainRmListwise
{
    public static int Execute(ParseResult parse, ReadingOptions reading, ListwiseLossKind loss, string outDir, TrainingOptions options)
    {
        var output = parse.InvocationConfiguration.Output;
        var name = parse.GetValue(Loss)!;
        if (parse.GetValue(Ensemble) > 1) throw new ArgumentException($"--loss {name} trains one model: --ensemble must be 1");
        var temperature = parse.GetValue(LabelTemperature);
        if (!(temperature > 0) || double.IsInfinity(temperature)) throw new ArgumentException($"--label-temperature must be finite and > 0, found {temperature}");
        var data = parse.GetValue(Data)!;
        var lists = RankedLists.From(PreferenceFileReader.ReadAll(data, reading.From(parse)));
        if (lists.Count == 0) throw new ArgumentException($"--loss {name}: {data} holds no lists (rankings with texts, or pairs with texts)");
        if (lists.All(l => l.Responses.Count < 3))
            throw new ArgumentException($"--loss {name} needs k-way data, lists of ≥ 3 responses per prompt (rankings with texts, or several pairs "
                + $"sharing a prompt); {data} has only pairs (2 responses per prompt): use --loss bt");
        var seed = options.Seed;
        var maxLength = options.MaxSequenceLength;
        var (trainLists, heldOutLists) = PromptSplit.Split(lists, l => l.Prompt.ToPlainText(), parse.GetValue(EvalSplit), seed);
        output.WriteLine($"lists: {lists.Count:N0} (k = {lists.Min(l => l.Responses.Count)}..{lists.Max(l => l.Responses.Count)}) → train {trainLists.Count:N0}, "
            + $"held out {heldOutLists.Count:N0} (split by prompt, seed {seed})");

        var modelDir = parse.GetValue(Model);
        var tokenizer = TrainRmRun.LoadOrTrainTokenizer(parse, modelDir,
            trainLists.SelectMany(l => l.Responses.Select(r => r.ToPlainText()).Prepend(l.Prompt.ToPlainText())), outDir, output);
        var train = trainLists.Select(l => new ListwiseExample(
            l.Responses.Select(r => RewardModelInputs.Encode(tokenizer, l.Prompt, r, maxLength)).ToList(), l.Labels)).ToList();
        var heldOutPairs = heldOutLists.SelectMany(OrderedPairs).ToList();
        var heldOut = heldOutPairs.Select(p => new RewardExample(RewardModelInputs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength),
            RewardModelInputs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength))).ToList();

        TorchSharp.torch.manual_seed(seed);
        using var model = modelDir is not null ? RewardCheckpoint.FromCausalLM(modelDir)
            : new RewardModel(new RewardModelConfig { Backbone = RewardModelPresets.Backbone(parse.GetValue(Preset)!, tokenizer, Math.Max(maxLength, 64)) });
        ListwiseRewardTraining.Train(model, train, null, loss, options, temperature, ProgressReporter.For(parse.InvocationConfiguration.Error),
            parse.GetValue(Resume));
        RewardCheckpoint.Save(model, outDir);
        if (heldOut.Count > 0) TrainRmRun.Report([model], heldOut, heldOutPairs, outDir, output);
        else output.WriteLine($"wrote {outDir} (no held-out pairs to report)");
        return 0;
    }

    /// <summary>Every pair (i, j) of a list with label_i &gt; label_j, the better one chosen.</summary>
    private static IEnumerable<PreferencePair> OrderedPairs(RankedList list)
    {
        for (var i = 0; i < list.Responses.Count; i++)
            for (var j = i + 1; j < list.Responses.Count; j++)
                if (list.Labels[i] > list.Labels[j]) yield return new PreferencePair(list.Prompt, list.Responses[i], list.Responses[j]);
    }
}
