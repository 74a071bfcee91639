using System.CommandLine;
using System.Text.Json.Nodes;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;
using static PrefSharp.Cli.Commands.TrainRmCommand;

namespace PrefSharp.Cli.Commands;

/// <summary>What <c>train-rm</c> does once its options are parsed: read, split by prompt, tokenize, train, save, evaluate.</summary>
internal static class TrainRmRun
{
    public static int Execute(ParseResult parse, TrainingFlags training, ReadingOptions reading)
    {
        var output = parse.InvocationConfiguration.Output;
        var outDir = Directory.CreateDirectory(parse.GetValue(Out)!).FullName;
        var members = parse.GetValue(Ensemble);
        if (members < 1) throw new ArgumentException($"--ensemble must be ≥ 1, found {members}");
        var modelDir = parse.GetValue(Model);
        var options = training.From(parse, Path.Combine(outDir, "training"));
        options = options with { LearningRate = training.ExplicitLearningRate(parse) ?? (modelDir is null ? 1e-3 : 1e-5) };
        var maxLength = options.MaxSequenceLength;
        if (ParseListwise(parse.GetValue(Loss)!) is { } listwise)
        {
            if (parse.GetValue(PeerReview) is not null) throw new ArgumentException($"--peer-review trains on pairs; it does not apply to --loss {parse.GetValue(Loss)}");
            return TrainRmListwise.Execute(parse, reading, listwise, outDir, options);
        }
        var loss = ParseLoss(parse.GetValue(Loss)!);
        var gpm = GpmConfig(parse, loss, members);
        var objective = new RewardObjectiveOptions
        {
            Loss = loss, FlipRate = parse.GetValue(FlipRate), LabelSmoothing = parse.GetValue(LabelSmoothing),
            CenterRewardsCoefficient = parse.GetValue(CenterRewards), TieThreshold = parse.GetValue(TrainRmCommand.TieThreshold),
        }.Validate();

        var pairs = RewardModelInputs.ReadPairs(parse.GetValue(Data)!, reading.From(parse))
            .Where(p => !p.IsTie || loss is RewardLossKind.SoftLabel or RewardLossKind.RaoKupper).ToList();
        if (loss == RewardLossKind.RaoKupper)
            output.WriteLine($"ties: {pairs.Count(p => p.IsTie):N0} of {pairs.Count:N0} pairs kept for Rao–Kupper");
        var seed = options.Seed;
        var (trainPairs, heldOutPairs) = PromptSplit.Split(pairs, p => p.Prompt.ToPlainText(), parse.GetValue(EvalSplit), seed);
        output.WriteLine($"pairs: {pairs.Count:N0} → train {trainPairs.Count:N0}, held out {heldOutPairs.Count:N0} (split by prompt, seed {seed})");

        var tokenizer = LoadOrTrainTokenizer(parse, modelDir, TextsOf(trainPairs), outDir, output);
        var train = trainPairs.Select(p => Example(tokenizer, p, loss, maxLength)).ToList();
        var heldOut = heldOutPairs.Select(p => Example(tokenizer, p, loss, maxLength)).ToList();
        RewardModel Create(int _) => modelDir is not null
            ? RewardCheckpoint.FromCausalLM(modelDir, numLabels: gpm?.Dimension ?? 1, generalPreference: gpm?.Config)
            : new RewardModel(new RewardModelConfig
            {
                Backbone = RewardModelPresets.Backbone(parse.GetValue(Preset)!, tokenizer, Math.Max(maxLength, 64)),
                NumLabels = gpm?.Dimension ?? 1, GeneralPreference = gpm?.Config,
            });

        var progress = ProgressReporter.For(parse.InvocationConfiguration.Error);
        var scorers = new List<RewardModel>();
        try
        {
            if (PeerReviewFrom(parse, members) is { } review)
            {
                TorchSharp.torch.manual_seed(seed);
                var (model, peer) = (Create(0), Create(1));   // drawn one after the other: different initialisations
                scorers.Add(model);
                using (peer)
                {
                    PeerReviewTraining.Train(model, peer, train, heldOut, objective, review, options, progress, parse.GetValue(Resume));
                    var peerDir = Path.Combine(outDir, PeerReviewTraining.PeerFolder);
                    RewardCheckpoint.Save(peer, peerDir);
                    TokenizerFiles.CopyFiles(outDir, peerDir);
                }
                RewardCheckpoint.Save(model, outDir);
            }
            else if (members == 1)
            {
                TorchSharp.torch.manual_seed(seed);
                var model = Create(0);
                scorers.Add(model);
                RewardTraining.Train(model, train, heldOut, objective, options, progress, parse.GetValue(Resume));
                RewardCheckpoint.Save(model, outDir);
            }
            else
            {
                var ensemble = RewardTraining.TrainEnsemble(members, Create, train, heldOut, objective, options, progress, parse.GetValue(Resume));
                scorers.AddRange(ensemble.Members);
                for (var k = 0; k < members; k++)
                {
                    var memberDir = Path.Combine(outDir, $"member-{k}");
                    RewardCheckpoint.Save(ensemble.Members[k], memberDir);
                    TokenizerFiles.CopyFiles(outDir, memberDir);
                }
            }
            var decided = Enumerable.Range(0, heldOutPairs.Count).Where(i => !heldOutPairs[i].IsTie).ToList();   // ties have no right answer
            var threeWay = members == 1 && heldOut.Count > 0 && RaoKupperOutcomes.Applies(scorers[0].Config)   // …except on three outcomes
                ? RaoKupperOutcomes.Evaluate(scorers[0], heldOut.Select((e, i) => (e.Chosen, e.Rejected, heldOutPairs[i].IsTie)).ToList(), 32)
                : null;
            Report(scorers, decided.Select(i => heldOut[i]).ToList(), decided.Select(i => heldOutPairs[i]).ToList(), outDir, output, threeWay);
        }
        finally
        {
            foreach (var model in scorers) model.Dispose();
        }
        return 0;
    }

    /// <summary>The peer review asked for by --peer-review (null without it), checked against --ensemble.</summary>
    private static PeerReviewOptions? PeerReviewFrom(ParseResult parse, int members)
    {
        if (parse.GetValue(PeerReview) is not { } rate) return null;
        if (members > 1) throw new ArgumentException("--peer-review trains one model with one peer; it cannot be combined with --ensemble");
        return new PeerReviewOptions { DropRate = rate, RampEpochs = parse.GetValue(PeerRampEpochs) }.Validate();
    }

    /// <summary>The GPM head asked for by --loss gpm and the --gpm-* options (null for other losses), checked.</summary>
    private static (int Dimension, GeneralPreferenceConfig Config)? GpmConfig(ParseResult parse, RewardLossKind loss, int members)
    {
        if (loss != RewardLossKind.GeneralPreference) return null;
        if (members > 1)
            throw new ArgumentException($"--loss gpm trains one General Preference Model; --ensemble {members} aggregates scalar rewards, which a GPM does not have (use --ensemble 1)");
        var dimension = parse.GetValue(GpmDim);
        if (dimension < 2 || dimension % 2 != 0) throw new ArgumentException($"--gpm-dim must be an even number ≥ 2 (the embedding width 2k), found {dimension}");
        var beta = parse.GetValue(GpmBeta);
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentException($"--gpm-beta must be finite and > 0, found {beta}");
        return (dimension, new GeneralPreferenceConfig { Beta = beta, PromptGate = !parse.GetValue(GpmNoGate) });
    }

    /// <summary>Prompt and both completions of each pair, for training a tokenizer.</summary>
    internal static IEnumerable<string> TextsOf(IEnumerable<PreferencePair> pairs) =>
        pairs.SelectMany(p => new[] { p.Prompt.ToPlainText(), p.Chosen.ToPlainText(), p.Rejected.ToPlainText() });

    internal static ITokenizer LoadOrTrainTokenizer(ParseResult parse, string? modelDir, IEnumerable<string> texts,
        string outDir, TextWriter output)
    {
        var given = parse.GetValue(Tokenizer) ?? modelDir;
        if (given is not null)
        {
            TokenizerFiles.CopyFiles(given, outDir);
            return TokenizerFiles.Load(given);
        }
        var trained = BpeTrainer.Train(texts, new BpeTrainerOptions { VocabularySize = parse.GetValue(VocabSize) });
        trained.Save(outDir);
        output.WriteLine($"tokenizer: byte-level BPE trained on the training split, {trained.VocabularySize} ids");
        return TokenizerFiles.Load(outDir);
    }

    private static RewardExample Example(ITokenizer tokenizer, PreferencePair pair, RewardLossKind loss, int maxLength) => new(
        RewardModelInputs.Encode(tokenizer, pair.Prompt, pair.Chosen, maxLength),
        RewardModelInputs.Encode(tokenizer, pair.Prompt, pair.Rejected, maxLength),
        loss switch
        {
            RewardLossKind.Margin => pair.Margin ?? (pair.ScoreChosen - pair.ScoreRejected)
                ?? throw new ArgumentException("--loss margin needs a margin (or score_chosen and score_rejected) on every pair"),
            RewardLossKind.SoftLabel => pair.SoftLabel ?? (pair.IsTie ? 0.5 : 1.0),
            RewardLossKind.RaoKupper => pair.IsTie ? 0.5 : 1.0,
            _ => 1.0,
        });

    internal static void Report(IReadOnlyList<RewardModel> models, IReadOnlyList<RewardExample> heldOut, IReadOnlyList<PreferencePair> heldOutPairs,
        string outDir, TextWriter output, RaoKupperOutcomeReport? threeWay = null)
    {
        // An ensemble is scored by the mean of its members' normalised rewards; a single model by its preference logit
        // (r_c − r_r, or s/β for a GPM).
        double[] Scores(Func<RewardExample, Torch.Batches.TokenizedSequence> side)
        {
            var sequences = heldOut.Select(side).ToList();
            if (models.Count == 1) return RewardScorer.Score(models[0], sequences, 32);
            var sums = new double[sequences.Count];
            foreach (var model in models)
            {
                var scores = RewardScorer.Score(model, sequences, 32, normalize: true);
                for (var i = 0; i < sums.Length; i++) sums[i] += scores[i] / models.Count;
            }
            return sums;
        }
        var gaps = models.Count == 1
            ? PreferenceLogits.Pairs(models[0], heldOut.Select(e => (e.Chosen, e.Rejected)).ToList(), 32)
            : Scores(e => e.Chosen).Zip(Scores(e => e.Rejected), (c, r) => c - r).ToArray();
        var accuracy = PairwiseAccuracy.Compute(gaps, new double[gaps.Length]).Accuracy;
        var ece = ExpectedCalibrationError.FromRewardGaps(gaps);
        var length = LengthBaseline.Accuracy(heldOutPairs);
        output.WriteLine($"held-out accuracy  {accuracy:F4}  ({heldOut.Count} decided pairs, equal scores count ½)");
        output.WriteLine($"held-out ECE       {ece:F4}  (10 bins)");
        output.WriteLine($"length baseline    {length:F4}  (longer completion wins)");
        var report = new JsonObject
        {
            ["heldout_accuracy"] = accuracy, ["heldout_ece"] = ece, ["length_baseline_accuracy"] = length,
            ["heldout_pairs"] = heldOut.Count, ["members"] = models.Count,
        };
        if (models[0].Config.IsGeneralPreference) report["head"] = "gpm";
        if (models[0].Config.TieThreshold is { } eta)
        {
            report["tie_threshold"] = eta;
            output.WriteLine($"tie threshold η   {eta:F4}  (Rao–Kupper, fitted; θ = e^η = {Math.Exp(eta):F3})");
        }
        if (threeWay is not null)
        {
            report["heldout_three_way"] = threeWay.ToJson();
            output.WriteLine($"held-out 3-way     {threeWay.Accuracy:F4}  (win / tie / loss; {threeWay.Pairs} pairs, {threeWay.Ties} ties, "
                + $"log-lik {threeWay.MeanLogLikelihood:F4}, tie rate {threeWay.PredictedTieRate:F4} predicted vs {threeWay.ObservedTieRate:F4})");
        }
        AtomicFile.WriteAllText(Path.Combine(outDir, "eval.json"), report.ToJsonString());
        output.WriteLine($"wrote {outDir}");
    }
}
