namespace PrefSharp.Torch.Training.Reward.PeerReview;

/// <summary>
/// How two reward models review each other's pairs (<see cref="PeerReviewObjective"/>): the share τ of each batch
/// dropped once the schedule has ramped, and over how many epochs it ramps from 0 to τ. Defaults follow Co-teaching
/// (Han et al. 2018, §3, R(T) = 1 − min(T·τ/T_k, τ) with τ the noise rate and T_k = 10 epochs).
/// </summary>
public sealed record PeerReviewOptions
{
    /// <summary>τ: the share of each batch a model's peer withholds at full ramp; set it to the expected flip rate. In (0, 1), default 0.2.</summary>
    public double DropRate { get; init; } = 0.2;

    /// <summary>T_k: epochs over which the dropped share grows linearly from 0 to τ (&gt; 0). Default 10, as in Co-teaching.</summary>
    public double RampEpochs { get; init; } = 10;

    /// <summary>Fraction of a batch kept after <paramref name="epochs"/> epochs: 1 − τ·min(epochs/T_k, 1).</summary>
    public double KeepFraction(double epochs) => 1 - DropRate * Math.Min(epochs / RampEpochs, 1);

    /// <summary>Checks ranges; the exception names the option.</summary>
    public PeerReviewOptions Validate()
    {
        if (!(DropRate > 0 && DropRate < 1)) throw new ArgumentException($"DropRate (--peer-review) must be in (0, 1), found {DropRate}", nameof(DropRate));
        if (!(RampEpochs > 0) || double.IsInfinity(RampEpochs)) throw new ArgumentException($"RampEpochs (--peer-ramp-epochs) must be finite and > 0, found {RampEpochs}", nameof(RampEpochs));
        return this;
    }
}
