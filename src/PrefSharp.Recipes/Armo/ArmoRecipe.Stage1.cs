using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Reward.MultiObjective;

namespace PrefSharp.Recipes.Armo;

public static partial class ArmoRecipe
{
    /// <summary>Stage 1: one regression output per objective on the rated responses of the training prompts; held-out Pearson r per objective.</summary>
    private static (MultiObjectiveRewardModel, ITokenizer) Stage1(ArmoRecipeOptions options, string path, string outDir, JsonObject report,
        TextWriter output, TextWriter progress)
    {
        var objectives = options.Objectives.ToArray();
        var maxLength = options.Stage1.MaxSequenceLength;
        var records = RatingFileReader.Read(path, objectives);
        var (trainRecords, heldOutRecords) = PromptSplit.Split(records, r => r.Prompt, options.EvalSplit, options.Seed);
        output.WriteLine($"ratings: {records.Count:N0} → train {trainRecords.Count:N0}, held out {heldOutRecords.Count:N0} (split by prompt); objectives {string.Join(", ", objectives)}");
        var tokenizer = Tokenizer(options, trainRecords, outDir, output);
        RatingExample Example(RatingRecord r) => new(RewardInputs.Encode(tokenizer, r.Prompt, r.Response, maxLength),
            r.Ratings.Select(v => v ?? 0).ToArray(), r.Ratings.Select(v => v is not null).ToArray());
        var train = trainRecords.Select(Example).ToList();
        var heldOut = heldOutRecords.Select(Example).ToList();
        TorchSharp.torch.manual_seed(options.Seed);
        var backbone = RewardModelPresets.Backbone(options.Preset, tokenizer, Math.Max(maxLength, 64));
        var model = new MultiObjectiveRewardModel(new RewardModel(new RewardModelConfig { Backbone = backbone, NumLabels = objectives.Length }),
            new MultiObjectiveConfig { Objectives = objectives });
        try
        {
            MultiObjectiveTraining.TrainRegression(model, train, heldOut, options.Stage1, new ProgressReporter(progress, inPlace: false));
            if (heldOut.Count > 1) ReportStage1(model, heldOut, heldOutRecords, report, output);
            return (model, tokenizer);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static ITokenizer Tokenizer(ArmoRecipeOptions options, IReadOnlyList<RatingRecord> train, string outDir, TextWriter output)
    {
        if (options.TokenizerDirectory is { } given)
        {
            TokenizerFiles.CopyFiles(given, outDir);
            return TokenizerFiles.Load(given);
        }
        var trained = BpeTrainer.Train(train.SelectMany(r => new[] { r.Prompt, r.Response }), new BpeTrainerOptions { VocabularySize = options.VocabularySize });
        trained.Save(outDir);
        output.WriteLine($"tokenizer: byte-level BPE trained on the training ratings, {trained.VocabularySize} ids");
        return TokenizerFiles.Load(outDir);
    }

    private static void ReportStage1(MultiObjectiveRewardModel model, IReadOnlyList<RatingExample> heldOut, IReadOnlyList<RatingRecord> records,
        JsonObject report, TextWriter output)
    {
        var predicted = MultiObjectiveScorer.Score(model, heldOut.Select(e => e.Sequence).ToList(), Enumerable.Repeat(1.0, model.Objectives).ToArray(), 32).Objectives;
        var correlations = new JsonObject();
        for (var k = 0; k < model.Objectives; k++)
        {
            var rated = Enumerable.Range(0, records.Count).Where(i => records[i].Ratings[k] is not null).ToArray();
            var r = rated.Length < 2 ? double.NaN : Correlation.Pearson(rated.Select(i => predicted[i][k]).ToArray(), rated.Select(i => records[i].Ratings[k]!.Value).ToArray());
            correlations[model.Config.Objectives[k]] = double.IsNaN(r) ? null : r;
            output.WriteLine($"held-out r({model.Config.Objectives[k]}) {r:F4}  ({rated.Length} rated)");
        }
        report["stage1_heldout_pearson"] = correlations;
    }
}
