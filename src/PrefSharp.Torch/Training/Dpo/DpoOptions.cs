using PrefSharp.Torch.Losses.Preference;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// What a <see cref="DpoTrainer"/> adds to the shared <see cref="Options.TrainingOptions"/>: the loss list with its
/// options (β lives in <see cref="LossOptions"/>, default 0.1 as in Rafailov et al. 2023 and TRL), where the reference
/// log-probs come from, and TR-DPO reference updates (Gorbatovski et al. 2024, §3: soft α = 0.6 or hard τ = 512).
/// </summary>
public sealed record DpoOptions
{
    /// <summary>The weighted losses summed per pair (TRL's loss_type + loss_weights). Default: DPO's sigmoid loss.</summary>
    public IReadOnlyList<WeightedLoss> Losses { get; init; } = [new(PreferenceLossType.Sigmoid)];

    /// <summary>β and the loss-specific constants.</summary>
    public PreferenceLossOptions LossOptions { get; init; } = new();

    /// <summary>Live frozen copy, a cache computed before training, or none. Default <see cref="ReferenceMode.Live"/>.</summary>
    public ReferenceMode Reference { get; init; } = ReferenceMode.Live;

    /// <summary>Cached mode: the cache file (reused when its fingerprint matches); null puts it in the output folder.</summary>
    public string? ReferenceCachePath { get; init; }

    /// <summary>TR-DPO: update the reference every this many optimiser steps; 0 never (plain DPO). Default 0. ≥ 0.</summary>
    public int SyncSteps { get; init; }

    /// <summary>TR-DPO: θ_ref ← α·θ + (1 − α)·θ_ref at each sync; 1 is the hard update (copy). Default 0.6. In (0, 1].</summary>
    public double SyncAlpha { get; init; } = 0.6;

    /// <summary>WPO (Zhou et al. 2024): weight each pair's loss by the policy's (length-normalised) probability of it. Default false.</summary>
    public bool WpoWeights { get; init; }

    /// <summary>
    /// CHES filter (Razin et al. 2025, §6): drop this fraction of the training pairs, those with the highest CHES
    /// score under the starting policy, before training. Default 0 (keep all). In [0, 1).
    /// </summary>
    public double ChesFilterFraction { get; init; }

    /// <summary>Score pairs for the CHES filter with the length-normalised CHES (mean hidden states). Default true.</summary>
    public bool ChesLengthNormalised { get; init; } = true;

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first option out of its range.</summary>
    public DpoOptions Validate()
    {
        if (Losses.Count == 0) throw new ArgumentException("DpoOptions.Losses needs at least one loss", nameof(Losses));
        if (SyncSteps < 0) throw new ArgumentException($"DpoOptions.SyncSteps must be ≥ 0 (0 disables TR-DPO), found {SyncSteps}", nameof(SyncSteps));
        if (SyncAlpha is <= 0 or > 1) throw new ArgumentException($"DpoOptions.SyncAlpha must be in (0, 1], found {SyncAlpha}", nameof(SyncAlpha));
        if (SyncSteps > 0 && Reference != ReferenceMode.Live)
            throw new ArgumentException($"TR-DPO (SyncSteps > 0) moves the reference, so it needs Reference = Live, not {Reference}", nameof(Reference));
        if (ChesFilterFraction is < 0 or >= 1 || double.IsNaN(ChesFilterFraction))
            throw new ArgumentException($"DpoOptions.ChesFilterFraction must be in [0, 1), found {ChesFilterFraction}", nameof(ChesFilterFraction));
        LossOptions.Validate();
        return this;
    }
}
