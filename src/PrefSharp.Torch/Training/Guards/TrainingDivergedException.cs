using System.Globalization;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Torch.Training.Guards;

/// <summary>
/// Training stopped at <see cref="Step"/> because <see cref="Quantity"/> (the loss, the gradient norm, a weight) was
/// not finite. Nothing was saved for that step; <see cref="LastGoodCheckpoint"/> is the newest checkpoint on disk.
/// </summary>
public sealed class TrainingDivergedException(long step, string quantity, double value, string? lastGoodCheckpoint)
    : NonFiniteValueException(Describe(step, quantity, value, lastGoodCheckpoint))
{
    /// <summary>The optimiser step (1-based) whose value was non-finite.</summary>
    public long Step { get; } = step;

    /// <summary>What went non-finite: "loss", "gradient norm", "weight 'NAME'", "policy logits".</summary>
    public string Quantity { get; } = quantity;

    /// <summary>The non-finite value (NaN, +∞ or −∞).</summary>
    public double Value { get; } = value;

    /// <summary>The newest complete checkpoint of the run, or null when none was written.</summary>
    public string? LastGoodCheckpoint { get; } = lastGoodCheckpoint;

    private static string Describe(long step, string quantity, double value, string? lastGood) =>
        string.Create(CultureInfo.InvariantCulture,
            $"training diverged at step {step}: the {quantity} went non-finite ({value}); stopped without saving this step (")
        + (lastGood is null ? "no checkpoint was written" : $"the newest checkpoint, {lastGood}, is from before it")
        + "). Usual causes: a learning rate too high (--lr), bad data (a NaN or infinite score, weight or label), "
        + "or a non-finite weight in the starting model";
}
