using System.CommandLine;
using PrefSharp.Recipes.Armo;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward.MultiObjective;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>prefsharp train-armo</c>: a multi-objective reward model in ArmoRM's two stages (Wang et al. 2024). Stage 1
/// (<c>--ratings</c> with <c>--objectives</c>) regresses one output per objective on absolute ratings; stage 2
/// (<c>--pairs</c>, after stage 1 in the same run or on <c>--from DIR</c>) trains the prompt-conditioned gate with
/// Bradley–Terry, optionally de-correlating the objectives from a verbosity objective. The folder is a Hugging Face
/// sequence-classification checkpoint (num_labels = objectives) plus the gate; score it with <c>score</c>/<c>eval-rm</c>,
/// gated or along a <c>--direction</c> (DPA).
/// </summary>
public static class TrainArmoCommand
{
    internal static readonly Option<string?> Ratings = new("--ratings") { Description = "Stage 1: JSONL of {\"prompt\", \"response\", <objective>: rating, …} (a missing or null rating is not rated)" };
    internal static readonly Option<string?> Objectives = new("--objectives") { Description = "Stage 1: comma-separated rating fields, one model output each (e.g. helpfulness,verbosity)" };
    internal static readonly Option<string?> Pairs = new("--pairs") { Description = "Stage 2: preference pairs (any format 'data convert' reads) to train the gate on" };
    internal static readonly Option<string?> From = new("--from") { Description = "Stage 2 only: a stage-1 model folder written by train-armo" };
    internal static readonly Option<string> Out = new("--out") { Description = "Output folder: model, gate, tokenizer files, eval.json, training logs", Required = true };
    internal static readonly Option<string> Preset = new("--preset") { Description = "Stage 1 backbone from scratch: tiny or small", DefaultValueFactory = _ => "small" };
    internal static readonly Option<string?> Tokenizer = new("--tokenizer") { Description = "Tokenizer folder; default: train a byte-level BPE on the training ratings" };
    internal static readonly Option<int> VocabSize = new("--vocab-size") { Description = "Ids of the BPE trained when no tokenizer is given", DefaultValueFactory = _ => 2048 };
    internal static readonly Option<double> EvalSplit = new("--eval-split") { Description = "Fraction of prompts held out (ratings and pairs), in (0, 1)", DefaultValueFactory = _ => 0.1 };
    internal static readonly Option<int> Seed = new("--seed") { Description = "Seed of the splits, initialisation and data order", DefaultValueFactory = _ => 42 };
    internal static readonly Option<double> LearningRate = new("--lr") { Description = "Stage 1 peak learning rate", DefaultValueFactory = _ => 1e-3 };
    internal static readonly Option<double> Epochs = new("--epochs") { Description = "Stage 1 passes over the training ratings", DefaultValueFactory = _ => 1.0 };
    internal static readonly Option<int?> MaxSteps = new("--max-steps") { Description = "Stage 1 optimiser steps (overrides --epochs)" };
    internal static readonly Option<int> BatchSize = new("--batch-size") { Description = "Stage 1 rated responses per step", DefaultValueFactory = _ => 16 };
    internal static readonly Option<int> MaxLength = new("--max-length") { Description = "Keep the last this many tokens of each sequence", DefaultValueFactory = _ => 256 };
    internal static readonly Option<string?> Verbosity = new("--verbosity-objective") { Description = "Stage 2: de-correlate every objective from this one (ArmoRM's verbosity adjustment)" };
    internal static readonly Option<int> GateSteps = new("--gate-steps") { Description = "Stage 2 optimiser steps", DefaultValueFactory = _ => 2000 };
    internal static readonly Option<int> GateBatch = new("--gate-batch-size") { Description = "Stage 2 pairs per step (drawn with replacement)", DefaultValueFactory = _ => 1024 };
    internal static readonly Option<double> GateLr = new("--gate-lr") { Description = "Stage 2 peak learning rate (cosine decay)", DefaultValueFactory = _ => 1e-3 };
    internal static readonly Option<int> GateHidden = new("--gate-hidden-size") { Description = "Width of the gate's hidden layers", DefaultValueFactory = _ => 1024 };
    internal static readonly Option<int> GateLayers = new("--gate-layers") { Description = "Hidden layers of the gate", DefaultValueFactory = _ => 3 };
    internal static readonly Option<double> GateTemperature = new("--gate-temperature") { Description = "Softmax temperature τ of the gate", DefaultValueFactory = _ => 10.0 };
    internal static readonly Option<double> GateDropout = new("--gate-dropout") { Description = "Dropout in the gate while training, in [0, 1)", DefaultValueFactory = _ => 0.2 };

    public static Command Create()
    {
        Preset.AcceptOnlyFromAmong([.. RewardModelPresets.Names]);
        var reading = new ReadingOptions();
        var command = new Command("train-armo", "Train a multi-objective reward model (ArmoRM): stage 1 regression on per-objective ratings, stage 2 gating network on preference pairs")
        {
            Ratings, Objectives, Pairs, From, Out, Preset, Tokenizer, VocabSize, EvalSplit, Seed, LearningRate, Epochs, MaxSteps, BatchSize,
            MaxLength, Verbosity, GateSteps, GateBatch, GateLr, GateHidden, GateLayers, GateTemperature, GateDropout,
        };
        reading.AddTo(command);
        command.SetAction(parse =>
        {
            ArmoRecipe.Run(Options(parse, reading), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return 0;
        });
        return command.WithExamples(
            "prefsharp train-armo --ratings ratings.jsonl --objectives helpfulness,verbosity --pairs pairs.jsonl --verbosity-objective verbosity --out runs/armo",
            "prefsharp train-armo --from runs/armo-stage1 --pairs pairs.jsonl --out runs/armo",
            "prefsharp score --model runs/armo --data pairs.jsonl --direction 0.8,-0.6");
    }

    /// <summary>The flags as one <see cref="ArmoRecipeOptions"/>, each combination checked with the flag's name.</summary>
    private static ArmoRecipeOptions Options(ParseResult parse, ReadingOptions reading)
    {
        var (ratings, pairs, from) = (parse.GetValue(Ratings), parse.GetValue(Pairs), parse.GetValue(From));
        if (ratings is null && pairs is null) throw new ArgumentException("train-armo: give --ratings (stage 1), --pairs (stage 2), or both");
        if (ratings is not null && from is not null) throw new ArgumentException("--from (an existing stage 1) and --ratings (train stage 1) exclude each other");
        if (ratings is null && from is null) throw new ArgumentException("--pairs alone needs --from DIR, a stage-1 model written by train-armo");
        var maxLength = parse.GetValue(MaxLength);
        if (maxLength < 2) throw new ArgumentException($"--max-length must be ≥ 2, found {maxLength}");
        var outDir = Path.GetFullPath(parse.GetValue(Out)!);
        var seed = parse.GetValue(Seed);
        string[] objectives = ratings is null ? [] : (parse.GetValue(Objectives) ?? throw new ArgumentException("--ratings needs --objectives, the rating fields to learn"))
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new ArmoRecipeOptions
        {
            RatingsPath = ratings, Objectives = objectives, PairsPath = pairs, FromDirectory = from, Reading = reading.From(parse), OutputDirectory = outDir,
            Preset = parse.GetValue(Preset)!, TokenizerDirectory = parse.GetValue(Tokenizer), VocabularySize = parse.GetValue(VocabSize),
            EvalSplit = parse.GetValue(EvalSplit), Seed = seed,
            Stage1 = new TrainingOptions
            {
                LearningRate = parse.GetValue(LearningRate), Epochs = parse.GetValue(Epochs), MaxSteps = parse.GetValue(MaxSteps),
                MicroBatchSize = parse.GetValue(BatchSize), Seed = seed, CheckpointEvery = 0, KeepLastCheckpoints = 1, LogEvery = 10,
                MaxSequenceLength = maxLength, OutputDirectory = Path.Combine(outDir, "training"),
            }.Validate(),
            Gate = pairs is null ? new GatingOptions() : new GatingOptions
            {
                Steps = parse.GetValue(GateSteps), BatchSize = parse.GetValue(GateBatch), LearningRate = parse.GetValue(GateLr),
                HiddenSize = parse.GetValue(GateHidden), HiddenLayers = parse.GetValue(GateLayers), Temperature = parse.GetValue(GateTemperature),
                Dropout = parse.GetValue(GateDropout), VerbosityObjective = parse.GetValue(Verbosity), Seed = seed,
            }.Validate(),
        };
    }
}
