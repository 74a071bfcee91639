using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Reward.Pluralistic;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>train-rm with a personalised head (PAL or MiCRo): one mixture per annotator id of the training split.</summary>
public static partial class RewardModelRecipe
{
    private static void RunPluralistic(RewardModelRecipeOptions options, PluralisticHeadOptions head, TextWriter output, TextWriter progress)
    {
        var pairs = RewardPairs.Read(options.DataPath, options.Reading).Where(p => !p.IsTie).ToList();
        var (seed, maxLength) = (options.Training.Seed, options.Training.MaxSequenceLength);
        var (trainPairs, heldOutPairs) = PromptSplit.Split(pairs, p => p.Prompt.ToPlainText(), options.EvalSplit, seed);
        var users = PluralisticPairs.Users(trainPairs);
        output.WriteLine($"pairs: {pairs.Count:N0} → train {trainPairs.Count:N0}, held out {heldOutPairs.Count:N0} (split by prompt, seed {seed}); "
            + $"{users.Count} annotators, {head.Kind} with K = {head.Prototypes}");
        var tokenizer = RewardModelTokenizer.LoadOrTrain(options, RewardPairs.Texts(trainPairs), output);
        TorchSharp.torch.manual_seed(seed);
        var backbone = NewModel(options, tokenizer, null, head.Width);
        using var model = new PluralisticRewardModel(backbone,
            new PluralisticHead(head.Kind, head.Prototypes, head.Width, backbone.Config.Backbone.HiddenSize, users));
        var train = PluralisticPairs.Encode(tokenizer, model.Head, trainPairs, maxLength);
        var heldOut = PluralisticPairs.Encode(tokenizer, model.Head, heldOutPairs, maxLength);
        PluralisticTraining.Train(model, train, heldOut, options.Training, ProgressReporter.For(progress), options.Resume);
        PluralisticCheckpoint.Save(model, options.OutputDirectory);
        if (heldOutPairs.Count > 0)
        {
            var report = PluralisticEvaluation.Evaluate(model, tokenizer, heldOutPairs, null, maxLength, 32);
            output.WriteLine($"held-out accuracy  {report.Accuracy.Accuracy:F4}  ({heldOutPairs.Count} pairs, each under its annotator's mixture)");
            foreach (var (name, subset) in report.Accuracy.Subsets) output.WriteLine($"  {name,-30} {subset.Accuracy:F4}  n={subset.Count}");
        }
        output.WriteLine($"wrote {options.OutputDirectory}");
    }
}
