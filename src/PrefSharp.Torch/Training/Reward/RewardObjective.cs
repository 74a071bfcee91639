using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// Reward-model training for the shared loop: scores both sides of each pair at their last real token and sums the
/// chosen pairwise loss (<see cref="RewardLossKind"/>) plus the optional centring term over pairs. Weight = pairs.
/// Metric sums: <c>accuracy</c> (pairs with r_c &gt; r_r, ties ½), <c>margin</c> (Σ r_c − r_r), <c>loss</c>.
/// </summary>
/// <remarks>
/// Rao–Kupper reads the pair's outcome from Weights (1 a win of chosen, 0.5 a tie) and uses η from
/// <paramref name="tieThreshold"/> when given (fitted with the model), else the fixed <see cref="RewardObjectiveOptions.TieThreshold"/>;
/// it adds the metric sum <c>tie_threshold</c> (η per pair, so the loop's mean is η).
/// </remarks>
public sealed class RewardObjective(RewardModel model, RewardObjectiveOptions? options = null, TieThreshold? tieThreshold = null)
    : ITrainingObjective<PairBatch>
{
    private readonly RewardObjectiveOptions _options = (options ?? new RewardObjectiveOptions()).Validate();

    public double Weight(PairBatch batch) => batch.Count;

    public ObjectiveLoss Compute(PairBatch batch)
    {
        var (perPair, gap) = PairTerms(batch);
        var sum = perPair.sum();
        var metrics = Metrics(gap, sum);
        if (_options.Loss == RewardLossKind.RaoKupper) metrics["tie_threshold"] = Threshold(gap).detach().to(ScalarType.Float64).item<double>() * batch.Count;
        return new ObjectiveLoss(sum, metrics);
    }

    /// <summary>The per-pair losses (B), pairwise loss plus the optional centring term, and the reward gaps r_c − r_r (B).</summary>
    public (Tensor Losses, Tensor Gap) PairTerms(PairBatch batch)
    {
        var chosen = model.Rewards(batch.Chosen.InputIds, batch.Chosen.AttentionMask);       // (B)
        var rejected = model.Rewards(batch.Rejected.InputIds, batch.Rejected.AttentionMask); // (B)
        var perPair = PairLosses(chosen, rejected, batch);
        if (_options.CenterRewardsCoefficient > 0)
            perPair = perPair + CenterRewardsLoss.Compute(chosen, rejected, _options.CenterRewardsCoefficient);
        return (perPair, chosen - rejected);
    }

    /// <summary>Metric sums of a batch: <c>accuracy</c> (gap &gt; 0, ties ½), <c>margin</c> (Σ gap), <c>loss</c> (<paramref name="lossSum"/>).</summary>
    public static Dictionary<string, double> Metrics(Tensor gap, Tensor lossSum)
    {
        using var noGrad = no_grad();
        return new Dictionary<string, double>
        {
            ["accuracy"] = CorrectPairs(gap),
            ["margin"] = gap.detach().to(ScalarType.Float64).sum().item<double>(),
            ["loss"] = lossSum.detach().to(ScalarType.Float64).item<double>(),
        };
    }

    /// <summary>Pairs ordered right by their gaps r_c − r_r: gap &gt; 0 counts 1, a tie ½.</summary>
    public static double CorrectPairs(Tensor gap)
    {
        using var noGrad = no_grad();
        var detached = gap.detach();
        return (detached.gt(0).to(ScalarType.Float64).sum() + detached.eq(0).to(ScalarType.Float64).sum() * 0.5).item<double>();
    }

    private Tensor PairLosses(Tensor chosen, Tensor rejected, PairBatch batch)
    {
        Tensor? weights = batch.Weights is { } w ? tensor(w.ToArray(), dtype: chosen.dtype, device: chosen.device) : null;
        if (weights is not null && weights.shape[0] != batch.Count)
            throw new ArgumentException($"PairBatch.Weights has {weights.shape[0]} entries for {batch.Count} pairs", nameof(batch));
        Tensor Weighted(Tensor losses) => weights is null ? losses : losses * weights;
        return _options.Loss switch
        {
            RewardLossKind.BradleyTerry => Weighted(BradleyTerryRewardLoss.Compute(chosen, rejected)),
            RewardLossKind.Margin => MarginRewardLoss.Compute(chosen, rejected,
                weights ?? throw new ArgumentException("the margin loss needs PairBatch.Weights to hold the margins", nameof(batch))),
            RewardLossKind.SoftLabel => SoftLabelRewardLoss.Compute(chosen, rejected,
                weights ?? throw new ArgumentException("the soft-label loss needs PairBatch.Weights to hold P(chosen ≻ rejected)", nameof(batch))),
            RewardLossKind.LabelSmoothing => Weighted(SoftLabelRewardLoss.LabelSmoothing(chosen, rejected, _options.LabelSmoothing)),
            RewardLossKind.Debiased => Weighted(DebiasedRewardLoss.Compute(chosen, rejected, _options.FlipRate)),
            RewardLossKind.FlipAware => Weighted(FlipAwareRewardLoss.Compute(chosen, rejected, _options.FlipRate)),
            RewardLossKind.RaoKupper => RaoKupperRewardLoss.Compute(chosen, rejected, Outcomes(weights), Threshold(chosen)),
            RewardLossKind.GeneralPreference => throw new ArgumentException(
                "the General Preference loss needs preference embeddings: train a GPM head with GeneralPreferenceObjective", nameof(batch)),
            _ => throw new ArgumentOutOfRangeException(nameof(batch), _options.Loss, "unknown reward loss"),
        };
    }

    private Tensor Threshold(Tensor like) => tieThreshold is not null
        ? tieThreshold.Value.to(like.dtype)
        : tensor(_options.TieThreshold, like.dtype, like.device);

    private static Tensor Outcomes(Tensor? weights)
    {
        if (weights is null) throw new ArgumentException("the Rao–Kupper loss needs PairBatch.Weights to hold outcomes (1 win, 0.5 tie)", "batch");
        if (weights.ne(1.0).logical_and(weights.ne(0.5)).any().item<bool>())
            throw new ArgumentException("the Rao–Kupper loss reads PairBatch.Weights as outcomes: each must be 1 (chosen won) or 0.5 (a tie)", "batch");
        return weights.eq(0.5);
    }
}
