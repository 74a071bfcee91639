using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// The ensemble as a disagreement detector (Wang et al. 2024, "Secrets of RLHF in Large Language Models Part II:
/// Reward Modeling", §2.1): each member k gives a preference strength p_k = σ(r_k(x, y_c) − r_k(x, y_r)); their mean
/// estimates how strongly the data prefer the chosen response and their standard deviation how sure the ensemble is.
/// A pair is flagged as likely mislabelled when the ensemble confidently disagrees with its label: mean strength
/// below <c>maxStrength</c> and every member on the same side (p_k &lt; ½). Secrets of RLHF II splits its data into
/// deciles of mean strength and finds the lowest (mean ≲ 0.3) mostly wrong; default maxStrength = 0.3.
/// </summary>
public static class PreferenceStrength
{
    /// <summary>Flagging threshold on the mean strength (PrefSharp's default, from the paper's lowest deciles).</summary>
    public const double DefaultMaxStrength = 0.3;

    /// <summary>Mean (B), standard deviation (B, population) of member strengths, and flags (B, bool).</summary>
    public static (Tensor Mean, Tensor Std, Tensor Flagged) Compute(Tensor chosenMembers, Tensor rejectedMembers,
        double maxStrength = DefaultMaxStrength)
    {
        if (chosenMembers.dim() != 2 || !chosenMembers.shape.SequenceEqual(rejectedMembers.shape))
            throw new ArgumentException("chosen and rejected member rewards must both be (K, B)", nameof(rejectedMembers));
        if (!(maxStrength > 0 && maxStrength <= 0.5)) throw new ArgumentException($"maxStrength must be in (0, 0.5], found {maxStrength}", nameof(maxStrength));
        using var scope = NewDisposeScope();
        var strengths = (chosenMembers - rejectedMembers).sigmoid();                       // (K, B)
        var mean = strengths.mean([0]);
        var std = strengths.var(0, unbiased: false).sqrt();
        var flagged = mean.lt(maxStrength).logical_and(strengths.lt(0.5).all(0));
        return (mean.MoveToOuterDisposeScope(), std.MoveToOuterDisposeScope(), flagged.MoveToOuterDisposeScope());
    }
}
