using PrefSharp.Torch.Diagnostics;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

/// <summary>
/// The clipped-surrogate policy loss of GRPO and its descendants, per token (Shao et al. 2024, "DeepSeekMath", Eq. 3):
/// ℓ_{i,t} = −min(r_{i,t} Â_i, clip(r_{i,t}, 1 − ε_low, 1 + ε_high) Â_i) + β·k3_{i,t} − c·H_{i,t} (or the CISPO / SAPO
/// surrogate of <see cref="PolicySurrogate"/>, optionally only on the top-ρ entropy tokens, <see cref="HighEntropyTokens"/>),
/// r_{i,t} = π_θ(y_{i,t}) / π_old(y_{i,t}) per token, or GSPO's s_i = exp(mean_t log r_{i,t}) per sequence
/// (Zheng et al. 2025, Eq. 7); asymmetric ε is DAPO's clip-higher (Yu et al. 2025, Eq. 8–10); k3 = exp(d) − d − 1,
/// d = log π_ref − log π_θ (Eq. 4). The per-token losses are reduced by <see cref="LossAggregation"/>.
/// </summary>
/// <remarks>
/// Defaults follow TRL's GRPOTrainer (v0.2x): ε = 0.2, β = 0, aggregation "dapo", token-level ratio. Several inner
/// iterations per batch (μ, the paper's Algorithm 1) reuse the rollout's <see cref="GrpoLossInputs.OldLogProbs"/>;
/// without them (μ = 1) the ratio is exactly 1 and its gradient is the plain policy gradient.
/// For the shared loop's exact accumulation use <see cref="Sum"/> and <see cref="Weight"/>: Loss = Sum / Weight.
/// </remarks>
public static partial class GrpoLoss
{
    /// <summary>The aggregated loss and the step's diagnostics. For "dapo", <paramref name="globalTokenCount"/> is the
    /// number of completion tokens in the whole optimiser batch (null: this batch's own count, as "bnpo").</summary>
    public static GrpoLossResult Compute(GrpoLossInputs inputs, GrpoLossOptions? options = null, double? globalTokenCount = null)
    {
        options = (options ?? new GrpoLossOptions()).Validate();
        if (globalTokenCount is { } g && !(g > 0)) throw new ArgumentException($"must be > 0, found {g}", nameof(globalTokenCount));
        using var scope = NewDisposeScope();
        var terms = PerToken(inputs, options);
        var normaliser = options.Aggregation == LossAggregation.Dapo && globalTokenCount is { } global ? global : Weight(inputs.Mask, options);
        var loss = Aggregate(terms.Loss, inputs.Mask, options) / normaliser;
        using var noGrad = no_grad();
        var mask = inputs.Mask;
        var advantage = inputs.Advantages.unsqueeze(1);                                   // (B, 1)
        var cispo = options.Surrogate == PolicySurrogate.Cispo;                              // CISPO clips at ε_max, from above only
        var low = terms.Ratio.lt(cispo ? 0 : 1 - options.EpsilonLow).logical_and(advantage.lt(0));     // (B, T)
        var high = terms.Ratio.gt(cispo ? options.ResolvedEpsilonHigh : 1 + options.ResolvedEpsilonHigh).logical_and(advantage.gt(0));
        var dtype = inputs.LogProbs.dtype;
        var kl = terms.Kl is null ? zeros(1, dtype).squeeze() : KlEstimator.MaskedMean(terms.Kl.detach(), mask);
        return new GrpoLossResult(loss.MoveToOuterDisposeScope(),
            KlEstimator.MaskedMean(low.logical_or(high).to(dtype), mask).MoveToOuterDisposeScope(),
            KlEstimator.MaskedMean(low.to(dtype), mask).MoveToOuterDisposeScope(),
            KlEstimator.MaskedMean(high.to(dtype), mask).MoveToOuterDisposeScope(),
            kl.MoveToOuterDisposeScope());
    }

    /// <summary>The un-normalised loss: Σ_i of per-sequence means for "grpo", Σ ℓ·m otherwise; divide by <see cref="Weight"/>.</summary>
    public static Tensor Sum(GrpoLossInputs inputs, GrpoLossOptions? options = null)
    {
        options = (options ?? new GrpoLossOptions()).Validate();
        using var scope = NewDisposeScope();
        return Aggregate(PerToken(inputs, options).Loss, inputs.Mask, options).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Loss units of a batch: B for "grpo" and "luspo", the scored tokens (at least 1) for "bnpo"/"dapo", B·L_max for "dr_grpo".
    /// Summing <see cref="Sum"/> and <see cref="Weight"/> over micro-batches gives "dapo" over the global batch.
    /// </summary>
    public static double Weight(Tensor mask, GrpoLossOptions options)
    {
        if (mask.dim() != 2) throw new ArgumentException($"mask must be (B, T), found [{string.Join(", ", mask.shape)}]", nameof(mask));
        var (batch, width) = (mask.shape[0], mask.shape[1]);
        return options.Aggregation switch
        {
            LossAggregation.Grpo or LossAggregation.Luspo => batch,
            LossAggregation.DrGrpo => batch * (double)(options.MaxCompletionLength > 0 ? options.MaxCompletionLength : width),
            _ => Math.Max(1.0, mask.sum().to(ScalarType.Float64).item<double>()),
        };
    }

    private static Tensor Aggregate(Tensor perToken, Tensor mask, GrpoLossOptions options)
    {
        var m = mask.to(perToken.dtype);
        var masked = perToken * m;                                                          // (B, T)
        return options.Aggregation == LossAggregation.Grpo
            ? (masked.sum(1) / m.sum(1).clamp_min(1.0)).sum()
            : masked.sum();
    }
}
