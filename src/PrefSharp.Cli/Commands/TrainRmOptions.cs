using System.CommandLine;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Training.Reward;
using static PrefSharp.Cli.Commands.TrainRmCommand;

namespace PrefSharp.Cli.Commands;

/// <summary>train-rm's flags as one <see cref="RewardModelRecipeOptions"/>, each combination checked with the flag's name.</summary>
internal static partial class TrainRmOptions
{
    public static RewardModelRecipeOptions From(ParseResult parse, TrainingFlags training, ReadingOptions reading)
    {
        var outDir = Path.GetFullPath(parse.GetValue(Out)!);
        var members = parse.GetValue(Ensemble);
        if (members < 1) throw new ArgumentException($"--ensemble must be ≥ 1, found {members}");
        var modelDir = parse.GetValue(Model);
        var options = training.From(parse, Path.Combine(outDir, "training"));
        options = options with { LearningRate = training.ExplicitLearningRate(parse) ?? (modelDir is null ? 1e-3 : 1e-5) };
        var name = parse.GetValue(Loss)!;
        var listwise = ParseListwise(name);
        if (listwise is not null)
        {
            if (parse.GetValue(PeerReview) is not null) throw new ArgumentException($"--peer-review trains on pairs; it does not apply to --loss {name}");
            if (members > 1) throw new ArgumentException($"--loss {name} trains one model: --ensemble must be 1");
            var temperature = parse.GetValue(LabelTemperature);
            if (!(temperature > 0) || double.IsInfinity(temperature)) throw new ArgumentException($"--label-temperature must be finite and > 0, found {temperature}");
        }
        var loss = listwise is null ? ParseLoss(name) : RewardLossKind.BradleyTerry;
        return new RewardModelRecipeOptions
        {
            DataPath = parse.GetValue(Data)!, Reading = reading.From(parse), OutputDirectory = outDir, Training = options,
            ModelDirectory = modelDir, Preset = parse.GetValue(Preset)!, TokenizerDirectory = parse.GetValue(Tokenizer), VocabularySize = parse.GetValue(VocabSize),
            Listwise = listwise, LabelTemperature = parse.GetValue(LabelTemperature), Members = members, EvalSplit = parse.GetValue(EvalSplit), Resume = parse.GetValue(Resume),
            GeneralPreference = listwise is null ? GpmConfig(parse, loss, members) : null,
            Objective = listwise is not null ? new RewardObjectiveOptions() : new RewardObjectiveOptions
            {
                Loss = loss, FlipRate = parse.GetValue(FlipRate), LabelSmoothing = parse.GetValue(LabelSmoothing),
                CenterRewardsCoefficient = parse.GetValue(CenterRewards), TieThreshold = parse.GetValue(TrainRmCommand.TieThreshold),
            }.Validate(),
            PeerReview = listwise is null ? PeerReviewFrom(parse, members) : null,
            Pluralistic = PluralisticFrom(parse, name, members),
        };
    }

    /// <summary>The loss named on the command line.</summary>
    internal static RewardLossKind ParseLoss(string name) => name switch
    {
        "bt" => RewardLossKind.BradleyTerry,
        "margin" => RewardLossKind.Margin,
        "soft" => RewardLossKind.SoftLabel,
        "smooth" => RewardLossKind.LabelSmoothing,
        "debiased" => RewardLossKind.Debiased,
        "flip-aware" => RewardLossKind.FlipAware,
        "rao-kupper" => RewardLossKind.RaoKupper,
        "gpm" => RewardLossKind.GeneralPreference,
        _ => throw new ArgumentException($"--loss must be bt, margin, soft, smooth, flip-aware, debiased, rao-kupper or gpm here, found \"{name}\""),
    };

    /// <summary>The listwise loss named on the command line, or null for a pairwise one.</summary>
    internal static ListwiseLossKind? ParseListwise(string name) => name switch
    {
        "plackett-luce" => ListwiseLossKind.PlackettLuce,
        "listnet" => ListwiseLossKind.ListNet,
        _ => null,
    };
}
