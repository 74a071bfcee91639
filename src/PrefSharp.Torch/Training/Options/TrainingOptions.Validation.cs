namespace PrefSharp.Torch.Training.Options;

public sealed partial record TrainingOptions
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option outside its allowed range.</summary>
    public TrainingOptions Validate()
    {
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "> 0");
        Require(Beta1 is >= 0 and < 1, nameof(Beta1), Beta1, "in [0, 1)");
        Require(Beta2 is >= 0 and < 1, nameof(Beta2), Beta2, "in [0, 1)");
        Require(Epsilon > 0 && double.IsFinite(Epsilon), nameof(Epsilon), Epsilon, "> 0");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), nameof(WeightDecay), WeightDecay, ">= 0");
        Require(WarmupSteps >= 0, nameof(WarmupSteps), WarmupSteps, ">= 0");
        Require(Enum.IsDefined(Schedule), nameof(Schedule), Schedule, "cosine or constant");
        Require(MinLearningRateRatio is >= 0 and <= 1, nameof(MinLearningRateRatio), MinLearningRateRatio, "in [0, 1]");
        Require(MaxSteps is null or > 0, nameof(MaxSteps), MaxSteps, "> 0 (or unset to use epochs)");
        Require(Epochs > 0 && double.IsFinite(Epochs), nameof(Epochs), Epochs, "> 0");
        Require(MicroBatchSize >= 1, nameof(MicroBatchSize), MicroBatchSize, ">= 1");
        Require(GradientAccumulation >= 1, nameof(GradientAccumulation), GradientAccumulation, ">= 1");
        Require(MaxGradNorm >= 0 && double.IsFinite(MaxGradNorm), nameof(MaxGradNorm), MaxGradNorm, ">= 0 (0 disables clipping)");
        Require(EvalEvery >= 0, nameof(EvalEvery), EvalEvery, ">= 0 (0 disables evaluation)");
        Require(LogEvery >= 1, nameof(LogEvery), LogEvery, ">= 1");
        Require(CheckpointEvery >= 0, nameof(CheckpointEvery), CheckpointEvery, ">= 0 (0: only the final checkpoint)");
        Require(!string.IsNullOrWhiteSpace(OutputDirectory), nameof(OutputDirectory), OutputDirectory, "a folder path");
        Require(KeepLastCheckpoints >= 0, nameof(KeepLastCheckpoints), KeepLastCheckpoints, ">= 0 (0 keeps all)");
        Require(MaxSequenceLength >= 2, nameof(MaxSequenceLength), MaxSequenceLength, ">= 2");
        return this;
    }

    private static void Require(bool valid, string option, object? value, string allowed)
    {
        if (!valid) throw new ArgumentException($"training option {option} = {value ?? "null"} is invalid; allowed: {allowed}", option);
    }
}
