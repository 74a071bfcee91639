using TorchSharp.Modules;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Torch.Training.Guards;

/// <summary>
/// The checks every training loop runs so that a diverged run never writes a checkpoint: the loss and the gradient
/// norm of each step before the optimiser moves, and every trained weight before a checkpoint is written.
/// </summary>
public static class NonFiniteGuard
{
    /// <summary>
    /// Throws <see cref="TrainingDivergedException"/> when <paramref name="loss"/> or <paramref name="gradNorm"/> of
    /// <paramref name="step"/> is NaN or infinite; <paramref name="outputDirectory"/> (null: the run writes none) is
    /// searched for the newest checkpoint.
    /// </summary>
    public static void CheckStep(long step, double loss, double gradNorm, string? outputDirectory)
    {
        if (!double.IsFinite(loss)) throw Diverged(step, "loss", loss, outputDirectory);
        if (!double.IsFinite(gradNorm)) throw Diverged(step, "gradient norm", gradNorm, outputDirectory);
    }

    /// <summary>Throws <see cref="TrainingDivergedException"/> naming the first of <paramref name="weights"/> that holds a NaN or infinity.</summary>
    public static void CheckWeights(long step, IEnumerable<(string Name, Parameter Parameter)> weights, string outputDirectory)
    {
        foreach (var (name, parameter) in weights)
            if (NonFiniteValues.Find(parameter) is { } bad)
                throw Diverged(step, $"weight '{name}' ({bad.Count} of {parameter.numel()} values)", bad.First, outputDirectory);
    }

    private static TrainingDivergedException Diverged(long step, string quantity, double value, string? outputDirectory) =>
        new(step, quantity, value, outputDirectory is null ? null : Checkpointing.CheckpointFolders.Latest(outputDirectory));
}
