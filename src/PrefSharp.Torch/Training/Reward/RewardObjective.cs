using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// Reward-model training for the shared loop: scores both sides of each pair at their last real token and sums the
/// chosen pairwise loss (<see cref="RewardLossKind"/>) plus the optional centring term over pairs. Weight = pairs.
/// Metric sums: <c>accuracy</c> (pairs with r_c &gt; r_r, ties ½), <c>margin</c> (Σ r_c − r_r), <c>loss</c>.
/// </summary>
public sealed class RewardObjective(RewardModel model, RewardObjectiveOptions? options = null) : ITrainingObjective<PairBatch>
{
    private readonly RewardObjectiveOptions _options = (options ?? new RewardObjectiveOptions()).Validate();

    public double Weight(PairBatch batch) => batch.Count;

    public ObjectiveLoss Compute(PairBatch batch)
    {
        var chosen = model.Rewards(batch.Chosen.InputIds, batch.Chosen.AttentionMask);       // (B)
        var rejected = model.Rewards(batch.Rejected.InputIds, batch.Rejected.AttentionMask); // (B)
        var perPair = PairLosses(chosen, rejected, batch);
        if (_options.CenterRewardsCoefficient > 0)
            perPair = perPair + CenterRewardsLoss.Compute(chosen, rejected, _options.CenterRewardsCoefficient);
        var sum = perPair.sum();
        using var noGrad = no_grad();
        var gap = (chosen - rejected).detach();
        var correct = gap.gt(0).to(ScalarType.Float64).sum() + gap.eq(0).to(ScalarType.Float64).sum() * 0.5;
        var metrics = new Dictionary<string, double>
        {
            ["accuracy"] = correct.item<double>(),
            ["margin"] = gap.to(ScalarType.Float64).sum().item<double>(),
            ["loss"] = sum.detach().to(ScalarType.Float64).item<double>(),
        };
        return new ObjectiveLoss(sum, metrics);
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
            _ => throw new ArgumentOutOfRangeException(nameof(batch), _options.Loss, "unknown reward loss"),
        };
    }
}
