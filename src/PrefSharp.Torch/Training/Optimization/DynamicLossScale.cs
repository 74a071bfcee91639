namespace PrefSharp.Torch.Training.Optimization;

/// <summary>
/// Dynamic loss scaling for float16 training (Micikevicius et al. 2018, "Mixed Precision Training", §3.2, with the
/// dynamic schedule of PyTorch's <c>GradScaler</c>): the loss is multiplied by S before the backward pass, so that
/// small gradients are not flushed to zero in float16, and the gradients are divided by S before clipping and the
/// update. An update whose gradients overflow (a non-finite norm) is skipped and S is halved; after
/// <see cref="GrowthInterval"/> finite updates in a row S is doubled. Defaults as GradScaler: S₀ = 2¹⁶, interval 2000.
/// </summary>
public sealed class DynamicLossScale
{
    /// <summary>The scale a run starts with: 2¹⁶.</summary>
    public const double InitialScale = 65536.0;

    /// <summary>Finite updates in a row after which the scale doubles.</summary>
    public const int GrowthInterval = 2000;

    /// <summary>The current scale S.</summary>
    public double Scale { get; private set; } = InitialScale;

    /// <summary>Finite updates since the scale last changed.</summary>
    public int GoodUpdates { get; private set; }

    /// <summary>Updates skipped because their gradients overflowed, over this object's life.</summary>
    public long Skipped { get; private set; }

    /// <summary>Records one update's gradient norm; false when it overflowed and the update must be skipped.</summary>
    public bool Update(double gradNorm)
    {
        if (!double.IsFinite(gradNorm))
        {
            Scale = Math.Max(Scale * 0.5, 1.0);
            GoodUpdates = 0;
            Skipped++;
            return false;
        }
        if (++GoodUpdates >= GrowthInterval)
        {
            Scale *= 2.0;
            GoodUpdates = 0;
        }
        return true;
    }

    /// <summary>Restores a scale saved in a checkpoint.</summary>
    public void Restore(double scale, int goodUpdates)
    {
        if (!(scale >= 1.0) || !double.IsFinite(scale)) throw new InvalidDataException($"loss scale {scale} is not a finite number ≥ 1");
        Scale = scale;
        GoodUpdates = Math.Max(0, goodUpdates);
    }
}
