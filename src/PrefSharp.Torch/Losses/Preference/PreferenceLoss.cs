using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>
/// The one dispatch over <see cref="PreferenceLossType"/>: per-pair losses (B) from <see cref="PreferenceLossInputs"/>,
/// and weighted combinations of several losses (TRL's loss_type list with loss_weights, e.g. MPO or RPO).
/// </summary>
public static class PreferenceLoss
{
    /// <summary>Per-pair losses (B) of one loss; per-pair <see cref="PreferenceLossInputs.Weights"/> are not applied here.</summary>
    public static Tensor Compute(PreferenceLossType type, PreferenceLossInputs inputs, PreferenceLossOptions options)
    {
        using var scope = NewDisposeScope();
        var o = options;
        var name = type.ToString();
        var chosen = inputs.ChosenLogRatio();
        var rejected = inputs.RejectedLogRatio();
        Tensor ChosenTokens() => PreferenceLossInputs.Require(inputs.ChosenTokens, nameof(inputs.ChosenTokens), name);
        Tensor RejectedTokens() => PreferenceLossInputs.Require(inputs.RejectedTokens, nameof(inputs.RejectedTokens), name);
        Tensor SoftLabels() => PreferenceLossInputs.Require(inputs.SoftLabels, nameof(inputs.SoftLabels), name);
        var losses = type switch
        {
            PreferenceLossType.Sigmoid => SigmoidLoss.Compute(chosen, rejected, o.Beta, o.LabelSmoothing),
            PreferenceLossType.Robust => RobustLoss.Compute(chosen, rejected, o.Beta, o.LabelSmoothing),
            PreferenceLossType.Hinge => HingeLoss.Compute(chosen, rejected, o.Beta),
            PreferenceLossType.Ipo => IpoLoss.Compute(chosen, rejected, ChosenTokens(), RejectedTokens(), o.Beta),
            PreferenceLossType.ExoPair => ExoPairLoss.Compute(chosen, rejected, o.Beta, o.ExoEpsilon),
            PreferenceLossType.NcaPair => NcaPairLoss.Compute(chosen, rejected, o.Beta),
            PreferenceLossType.BcoPair => BcoPairLoss.Compute(chosen, rejected, o.Beta, inputs.BcoDelta),
            PreferenceLossType.SppoHard => SppoHardLoss.Compute(chosen, rejected, o.Beta),
            PreferenceLossType.Aot => AotLoss.Compute(inputs.PolicyChosen - inputs.PolicyRejected, ReferenceMargin(inputs), o.Beta, o.LabelSmoothing),
            PreferenceLossType.AotUnpaired => AotUnpairedLoss.Compute(chosen, rejected, o.Beta, o.LabelSmoothing),
            PreferenceLossType.ApoZero => ApoZeroLoss.Compute(chosen, rejected, o.Beta),
            PreferenceLossType.ApoDown => ApoDownLoss.Compute(chosen, rejected, o.Beta),
            PreferenceLossType.DiscoPop => DiscoPopLoss.Compute(chosen, rejected, o.Beta, o.DiscoPopTau),
            PreferenceLossType.Sft => SftLoss.Compute(inputs.PolicyChosen, ChosenTokens()),
            PreferenceLossType.SigmoidNorm => SigmoidNormLoss.Compute(chosen, rejected, ChosenTokens(), RejectedTokens(), o.Beta),
            PreferenceLossType.SimPo => SimPoLoss.Compute(inputs.PolicyChosen, inputs.PolicyRejected, ChosenTokens(), RejectedTokens(), o.Beta, o.SimPoGamma),
            PreferenceLossType.Orpo => OrpoLoss.Compute(inputs.PolicyChosen, inputs.PolicyRejected, ChosenTokens(), RejectedTokens(), o.Beta),
            PreferenceLossType.Cpo => CpoLoss.Compute(inputs.PolicyChosen, inputs.PolicyRejected, ChosenTokens(), o.Beta, o.CpoAlpha),
            PreferenceLossType.Cpl => CplLoss.Compute(inputs.PolicyChosen, inputs.PolicyRejected, o.Beta, o.CplLambda),
            PreferenceLossType.LdDpo => LdDpo(inputs, o, name),
            PreferenceLossType.Npo => NpoLoss.Compute(rejected, o.Beta),
            PreferenceLossType.MaPo => MaPoLoss.Compute(inputs.PolicyChosen, inputs.PolicyRejected, ChosenTokens(), RejectedTokens(), o.Beta),
            PreferenceLossType.Irepo => IrepoLoss.Compute(chosen, rejected, SoftLabels(), o.Beta, o.SoftLabelClamp),
            PreferenceLossType.SoftLabel => SoftLabelLoss.Compute(chosen, rejected, SoftLabels(), o.Beta),
            PreferenceLossType.KtoPair => KtoLoss.Paired(chosen, rejected, inputs.KlEstimate, o.Beta, o.KtoDesirableWeight, o.KtoUndesirableWeight),
            PreferenceLossType.FDivergence => FDivergenceLoss.Compute(chosen, rejected, o.Beta, o.FDivergence, o.FDivergenceAlpha),
            PreferenceLossType.TokenWeighted => TokenWeighted(inputs, o, name),
            PreferenceLossType.Vpo => VpoLoss.Compute(chosen, rejected, o.Beta, o.VpoAlpha),
            PreferenceLossType.DynamicBeta => DynamicBetaLoss.Compute(chosen, rejected,
                PreferenceLossInputs.Require(inputs.RewardMargins, nameof(inputs.RewardMargins), name), o.Beta, o.DynamicBetaWeight, o.DynamicBetaRate),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown preference loss"),
        };
        return losses.MoveToOuterDisposeScope();
    }

    /// <summary>Σ_k w_k·L_k per pair (B), times <see cref="PreferenceLossInputs.Weights"/> when given.</summary>
    public static Tensor Compute(IReadOnlyList<WeightedLoss> losses, PreferenceLossInputs inputs, PreferenceLossOptions options)
    {
        if (losses.Count == 0) throw new ArgumentException("at least one loss is needed", nameof(losses));
        if (losses.Any(l => !double.IsFinite(l.Weight) || l.Weight < 0))
            throw new ArgumentException("loss weights must be finite and ≥ 0", nameof(losses));
        using var scope = NewDisposeScope();
        Tensor? total = null;
        foreach (var term in losses)
        {
            var value = Compute(term.Type, inputs, options) * term.Weight;
            total = total is null ? value : total + value;
        }
        var combined = total!;
        if (inputs.Weights is not null) combined = combined * inputs.Weights.to(combined.dtype);
        return combined.MoveToOuterDisposeScope();
    }

    private static Tensor ReferenceMargin(PreferenceLossInputs inputs) => inputs.ReferenceFree
        ? zeros_like(inputs.PolicyChosen)
        : inputs.ReferenceChosen! - inputs.ReferenceRejected!;

    private static (Tensor Chosen, Tensor Rejected) TokenLogRatios(PreferenceLossInputs inputs, string name)
    {
        var chosen = PreferenceLossInputs.Require(inputs.PolicyChosenPerToken, nameof(inputs.PolicyChosenPerToken), name);
        var rejected = PreferenceLossInputs.Require(inputs.PolicyRejectedPerToken, nameof(inputs.PolicyRejectedPerToken), name);
        if (inputs.ReferenceChosenPerToken is not null) chosen = chosen - inputs.ReferenceChosenPerToken;
        if (inputs.ReferenceRejectedPerToken is not null) rejected = rejected - inputs.ReferenceRejectedPerToken;
        return (chosen, rejected);
    }

    private static Tensor LdDpo(PreferenceLossInputs inputs, PreferenceLossOptions o, string name)
    {
        var (chosen, rejected) = TokenLogRatios(inputs, name);
        return LdDpoLoss.Compute(chosen, rejected,
            PreferenceLossInputs.Require(inputs.ChosenMask, nameof(inputs.ChosenMask), name),
            PreferenceLossInputs.Require(inputs.RejectedMask, nameof(inputs.RejectedMask), name), o.Beta, o.LdAlpha);
    }

    private static Tensor TokenWeighted(PreferenceLossInputs inputs, PreferenceLossOptions o, string name)
    {
        var (chosen, rejected) = TokenLogRatios(inputs, name);
        return TokenWeightedLoss.Compute(chosen, rejected,
            PreferenceLossInputs.Require(inputs.ChosenTokenWeights, nameof(inputs.ChosenTokenWeights), name),
            PreferenceLossInputs.Require(inputs.RejectedTokenWeights, nameof(inputs.RejectedTokenWeights), name), o.Beta);
    }
}
