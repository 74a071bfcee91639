using System.CommandLine;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Cli.Commands;

public static partial class GrpoCommand
{
    /// <summary>The trainer's options from the flags (the recipe adds the stop and pad ids of the tokenizer).</summary>
    private static GrpoTrainerOptions Options(ParseResult parse, TrainingOptions training) => new()
    {
        GroupSize = parse.GetValue(GroupSize),
        PromptsPerStep = parse.GetValue(PromptsPerStep),
        MaxCompletionLength = parse.GetValue(MaxCompletion),
        Temperature = parse.GetValue(Temperature),
        Iterations = parse.GetValue(Iterations),
        MicroBatchSize = parse.GetValue(MicroBatch),
        Estimator = Estimator(parse),
        Risk = Estimator(parse) == AdvantageEstimator.MixedValueAtRisk ? Risk(parse) : new(),
        Scaling = parse.GetValue(ScaleRewards) switch { "batch" => AdvantageScaling.Batch, "none" => AdvantageScaling.None, _ => AdvantageScaling.Group },
        KlBudget = parse.GetValue(KlBudget),
        Loss = Loss(parse),
        MaskTruncatedCompletions = parse.GetValue(MaskTruncated),
        Training = training,
    };
}
