using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Reward.MultiObjective;

namespace PrefSharp.Recipes.Armo;

public static partial class ArmoRecipe
{
    /// <summary>Stage 2: the gate on the decided pairs of the training prompts (Bradley–Terry); held-out accuracy, ECE and the length baseline.</summary>
    private static void Stage2(ArmoRecipeOptions options, MultiObjectiveRewardModel model, ITokenizer tokenizer, string path, JsonObject report, TextWriter output)
    {
        var maxLength = options.Stage1.MaxSequenceLength;
        var records = RewardPairs.Read(path, options.Reading).Where(p => !p.IsTie).ToList();
        var (trainPairs, heldOutPairs) = PromptSplit.Split(records, p => p.Prompt.ToPlainText(), options.EvalSplit, options.Seed);
        output.WriteLine($"pairs: {records.Count:N0} → train {trainPairs.Count:N0}, held out {heldOutPairs.Count:N0} (split by prompt)");
        var gate = options.Gate;
        GatingExample Example(PreferencePair p) => new(RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength),
            RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength));
        var result = GatingTraining.Train(model, trainPairs.Select(Example).ToList(), gate);
        output.WriteLine($"gate: β {result.Scale:F4}, train loss {result.TrainLoss:F4}, train accuracy {result.TrainAccuracy:F4}");
        if (result.VerbosityPenalties is { } penalties)
            output.WriteLine($"verbosity penalties λ: {string.Join(", ", model.Config.Objectives.Zip(penalties, (o, l) => $"{o} {l:F4}"))}");
        report["gate_options"] = new JsonObject
        {
            ["steps"] = gate.Steps, ["batch_size"] = gate.BatchSize, ["learning_rate"] = gate.LearningRate, ["hidden_size"] = gate.HiddenSize,
            ["hidden_layers"] = gate.HiddenLayers, ["temperature"] = gate.Temperature, ["dropout"] = gate.Dropout,
            ["verbosity_objective"] = gate.VerbosityObjective, ["seed"] = gate.Seed,
        };
        report["gate_beta"] = result.Scale;
        report["gate_train_accuracy"] = result.TrainAccuracy;
        if (heldOutPairs.Count == 0) return;
        var evaluation = MultiObjectiveEvaluation.Evaluate(model,
            heldOutPairs.Select(p => (Example(p).Chosen, Example(p).Rejected, p.Source)).ToList(), null, 32);
        var length = LengthBaseline.Accuracy(heldOutPairs);
        output.WriteLine($"held-out accuracy  {evaluation.Accuracy.Accuracy:F4}  ({heldOutPairs.Count} pairs, gated reward)");
        output.WriteLine($"held-out ECE       {evaluation.Ece:F4}  (10 bins)");
        output.WriteLine($"length baseline    {length:F4}  (longer completion wins)");
        report["heldout_accuracy"] = evaluation.Accuracy.Accuracy;
        report["heldout_ece"] = evaluation.Ece;
        report["length_baseline_accuracy"] = length;
        report["heldout_pairs"] = heldOutPairs.Count;
    }
}
