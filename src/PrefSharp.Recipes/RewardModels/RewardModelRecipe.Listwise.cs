using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Reward;

namespace PrefSharp.Recipes.RewardModels;

public static partial class RewardModelRecipe
{
    /// <summary>
    /// A listwise loss: reads k-way lists (<see cref="RankedLists"/>: rankings with texts, or several pairs sharing a
    /// prompt), splits by prompt, trains one scalar reward model, and reports held-out accuracy on every ordered pair of
    /// the held-out lists (labels differ).
    /// </summary>
    private static void RunListwise(RewardModelRecipeOptions options, ListwiseLossKind loss, TextWriter output, TextWriter progress)
    {
        var name = loss == ListwiseLossKind.PlackettLuce ? "plackett-luce" : "listnet";
        var data = options.DataPath;
        var lists = RankedLists.From(PreferenceFileReader.ReadAll(data, options.Reading));
        if (lists.Count == 0) throw new ArgumentException($"--loss {name}: {data} holds no lists (rankings with texts, or pairs with texts)");
        if (lists.All(l => l.Responses.Count < 3))
            throw new ArgumentException($"--loss {name} needs k-way data, lists of ≥ 3 responses per prompt (rankings with texts, or several pairs "
                + $"sharing a prompt); {data} has only pairs (2 responses per prompt): use --loss bt");
        var (seed, maxLength) = (options.Training.Seed, options.Training.MaxSequenceLength);
        var (trainLists, heldOutLists) = PromptSplit.Split(lists, l => l.Prompt.ToPlainText(), options.EvalSplit, seed);
        output.WriteLine($"lists: {lists.Count:N0} (k = {lists.Min(l => l.Responses.Count)}..{lists.Max(l => l.Responses.Count)}) → train {trainLists.Count:N0}, "
            + $"held out {heldOutLists.Count:N0} (split by prompt, seed {seed})");

        var tokenizer = RewardModelTokenizer.LoadOrTrain(options,
            trainLists.SelectMany(l => l.Responses.Select(r => r.ToPlainText()).Prepend(l.Prompt.ToPlainText())), output);
        var train = trainLists.Select(l => new ListwiseExample(
            l.Responses.Select(r => RewardPairs.Encode(tokenizer, l.Prompt, r, maxLength)).ToList(), l.Labels)).ToList();
        var heldOutPairs = heldOutLists.SelectMany(OrderedPairs).ToList();
        var heldOut = heldOutPairs.Select(p => RewardPairs.Example(tokenizer, p, RewardLossKind.BradleyTerry, maxLength)).ToList();

        TorchSharp.torch.manual_seed(seed);
        using var model = NewModel(options, tokenizer, gpm: null);
        ListwiseRewardTraining.Train(model, train, null, loss, options.Training, options.LabelTemperature, ProgressReporter.For(progress), options.Resume);
        RewardCheckpoint.Save(model, options.OutputDirectory);
        if (heldOut.Count > 0) RewardModelReport.Write([model], heldOut, heldOutPairs, options.OutputDirectory, output);
        else output.WriteLine($"wrote {options.OutputDirectory} (no held-out pairs to report)");
    }

    /// <summary>Every pair (i, j) of a list with label_i &gt; label_j, the better one chosen.</summary>
    private static IEnumerable<PreferencePair> OrderedPairs(RankedList list)
    {
        for (var i = 0; i < list.Responses.Count; i++)
            for (var j = i + 1; j < list.Responses.Count; j++)
                if (list.Labels[i] > list.Labels[j]) yield return new PreferencePair(list.Prompt, list.Responses[i], list.Responses[j]);
    }
}
