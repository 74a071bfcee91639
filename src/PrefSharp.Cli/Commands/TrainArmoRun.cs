using System.CommandLine;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward.MultiObjective;
using static PrefSharp.Cli.Commands.TrainArmoCommand;

namespace PrefSharp.Cli.Commands;

/// <summary>What <c>train-armo</c> does: stage 1 on ratings and/or stage 2 on pairs, each split by prompt, then save and report.</summary>
internal static class TrainArmoRun
{
    public static int Execute(ParseResult parse, ReadingOptions reading)
    {
        var output = parse.InvocationConfiguration.Output;
        var (ratings, pairs, from) = (parse.GetValue(Ratings), parse.GetValue(Pairs), parse.GetValue(From));
        if (ratings is null && pairs is null) throw new ArgumentException("train-armo: give --ratings (stage 1), --pairs (stage 2), or both");
        if (ratings is not null && from is not null) throw new ArgumentException("--from (an existing stage 1) and --ratings (train stage 1) exclude each other");
        if (ratings is null && from is null) throw new ArgumentException("--pairs alone needs --from DIR, a stage-1 model written by train-armo");
        var maxLength = parse.GetValue(MaxLength);
        if (maxLength < 2) throw new ArgumentException($"--max-length must be ≥ 2, found {maxLength}");
        var outDir = Directory.CreateDirectory(parse.GetValue(Out)!).FullName;
        var report = new JsonObject();
        var (model, tokenizer) = ratings is not null ? Stage1(parse, ratings, outDir, maxLength, report, output) : Load(from!, outDir);
        using (model)
        {
            if (pairs is not null) Stage2(parse, reading, model, tokenizer, pairs, maxLength, report, output);
            MultiObjectiveCheckpoint.Save(model, outDir);
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "eval.json"), report.ToJsonString());
        output.WriteLine($"wrote {outDir}");
        return 0;
    }

    private static (MultiObjectiveRewardModel, ITokenizer) Load(string from, string outDir)
    {
        if (!MultiObjectiveCheckpoint.IsMultiObjective(from)) throw new ArgumentException($"--from: {from} is not a multi-objective model written by train-armo");
        if (Path.GetFullPath(from) != outDir) TokenizerFiles.CopyFiles(from, outDir);
        return (MultiObjectiveCheckpoint.Load(from), TokenizerFiles.Load(from));
    }

    private static (MultiObjectiveRewardModel, ITokenizer) Stage1(ParseResult parse, string path, string outDir, int maxLength, JsonObject report, TextWriter output)
    {
        var objectives = (parse.GetValue(Objectives) ?? throw new ArgumentException("--ratings needs --objectives, the rating fields to learn"))
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var records = RatingFileReader.Read(path, objectives);
        var seed = parse.GetValue(Seed);
        var (trainRecords, heldOutRecords) = PromptSplit.Split(records, r => r.Prompt, parse.GetValue(EvalSplit), seed);
        output.WriteLine($"ratings: {records.Count:N0} → train {trainRecords.Count:N0}, held out {heldOutRecords.Count:N0} (split by prompt); objectives {string.Join(", ", objectives)}");
        var tokenizer = Tokenizers(parse, trainRecords, outDir, output);
        RatingExample Example(RatingRecord r) => new(RewardInputs.Encode(tokenizer, r.Prompt, r.Response, maxLength),
            r.Ratings.Select(v => v ?? 0).ToArray(), r.Ratings.Select(v => v is not null).ToArray());
        var train = trainRecords.Select(Example).ToList();
        var heldOut = heldOutRecords.Select(Example).ToList();
        TorchSharp.torch.manual_seed(seed);
        var backbone = RewardModelPresets.Backbone(parse.GetValue(Preset)!, tokenizer, Math.Max(maxLength, 64));
        var model = new MultiObjectiveRewardModel(new RewardModel(new RewardModelConfig { Backbone = backbone, NumLabels = objectives.Length }),
            new MultiObjectiveConfig { Objectives = objectives });
        try
        {
            var options = new TrainingOptions
            {
                LearningRate = parse.GetValue(LearningRate), Epochs = parse.GetValue(Epochs), MaxSteps = parse.GetValue(MaxSteps),
                MicroBatchSize = parse.GetValue(BatchSize), Seed = seed, CheckpointEvery = 0, KeepLastCheckpoints = 1, LogEvery = 10,
                MaxSequenceLength = maxLength, OutputDirectory = Path.Combine(outDir, "training"),
            }.Validate();
            MultiObjectiveTraining.TrainRegression(model, train, heldOut, options, new ProgressReporter(parse.InvocationConfiguration.Error, inPlace: false));
            if (heldOut.Count > 1) ReportStage1(model, heldOut, heldOutRecords, report, output);
            return (model, tokenizer);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static ITokenizer Tokenizers(ParseResult parse, IReadOnlyList<RatingRecord> train, string outDir, TextWriter output)
    {
        if (parse.GetValue(Tokenizer) is { } given)
        {
            TokenizerFiles.CopyFiles(given, outDir);
            return TokenizerFiles.Load(given);
        }
        var trained = BpeTrainer.Train(train.SelectMany(r => new[] { r.Prompt, r.Response }), new BpeTrainerOptions { VocabularySize = parse.GetValue(VocabSize) });
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

    private static void Stage2(ParseResult parse, ReadingOptions reading, MultiObjectiveRewardModel model, ITokenizer tokenizer, string path,
        int maxLength, JsonObject report, TextWriter output)
    {
        var seed = parse.GetValue(Seed);
        var records = RewardModelInputs.ReadPairs(path, reading.From(parse)).Where(p => !p.IsTie).ToList();
        var (trainPairs, heldOutPairs) = PromptSplit.Split(records, p => p.Prompt.ToPlainText(), parse.GetValue(EvalSplit), seed);
        output.WriteLine($"pairs: {records.Count:N0} → train {trainPairs.Count:N0}, held out {heldOutPairs.Count:N0} (split by prompt)");
        var options = new GatingOptions
        {
            Steps = parse.GetValue(GateSteps), BatchSize = parse.GetValue(GateBatch), LearningRate = parse.GetValue(GateLr),
            HiddenSize = parse.GetValue(GateHidden), HiddenLayers = parse.GetValue(GateLayers), Temperature = parse.GetValue(GateTemperature),
            Dropout = parse.GetValue(GateDropout), VerbosityObjective = parse.GetValue(Verbosity), Seed = seed,
        }.Validate();
        GatingExample Example(PreferencePair p) => new(RewardModelInputs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength),
            RewardModelInputs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength));
        var result = GatingTraining.Train(model, trainPairs.Select(Example).ToList(), options);
        output.WriteLine($"gate: β {result.Scale:F4}, train loss {result.TrainLoss:F4}, train accuracy {result.TrainAccuracy:F4}");
        if (result.VerbosityPenalties is { } penalties)
            output.WriteLine($"verbosity penalties λ: {string.Join(", ", model.Config.Objectives.Zip(penalties, (o, l) => $"{o} {l:F4}"))}");
        report["gate_options"] = new JsonObject
        {
            ["steps"] = options.Steps, ["batch_size"] = options.BatchSize, ["learning_rate"] = options.LearningRate, ["hidden_size"] = options.HiddenSize,
            ["hidden_layers"] = options.HiddenLayers, ["temperature"] = options.Temperature, ["dropout"] = options.Dropout,
            ["verbosity_objective"] = options.VerbosityObjective, ["seed"] = options.Seed,
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
