using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// Listwise reward-model training for the shared loop: scores every response of every list at its last real token and
/// sums the listwise loss over lists — Plackett–Luce (Plackett 1975, Eq. 1) or ListNet (Cao et al. 2007, Eq. 6) with
/// label temperature τ. Weight = lists. Metric sums: <c>accuracy</c> (per list, the share of its ordered pairs i &lt; j
/// with r_i &gt; r_j, ties ½; pairs of equal labels are skipped), <c>loss</c>.
/// </summary>
public sealed class ListwiseRewardObjective(RewardModel model, ListwiseLossKind loss, double labelTemperature = 1.0) : ITrainingObjective<ListBatch>
{
    public double Weight(ListBatch batch) => batch.Count;

    public ObjectiveLoss Compute(ListBatch batch)
    {
        var flat = model.Rewards(batch.Sequences.InputIds, batch.Sequences.AttentionMask);          // (N)
        var rewards = zeros(batch.Mask.shape, flat.dtype, flat.device).masked_scatter(batch.Mask, flat); // (B, K)
        var perList = loss switch
        {
            ListwiseLossKind.PlackettLuce => PlackettLuceRewardLoss.Compute(rewards, batch.Mask),
            ListwiseLossKind.ListNet => ListNetRewardLoss.Compute(rewards, batch.Labels.to(rewards.dtype), batch.Mask, labelTemperature),
            _ => throw new ArgumentOutOfRangeException(nameof(batch), loss, "unknown listwise loss"),
        };
        var sum = perList.sum();
        using var noGrad = no_grad();
        return new ObjectiveLoss(sum, new Dictionary<string, double>
        {
            ["accuracy"] = PairAccuracy(rewards.detach().to(ScalarType.Float64), batch.Mask, batch.Labels).sum().item<double>(),
            ["loss"] = sum.detach().to(ScalarType.Float64).item<double>(),
        });
    }

    /// <summary>Per list (B): the share of pairs (i, j) with label_i &gt; label_j that the rewards order the same way (ties ½).</summary>
    public static Tensor PairAccuracy(Tensor rewards, Tensor mask, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var both = mask.unsqueeze(2).logical_and(mask.unsqueeze(1));                      // (B, K, K)
        var ordered = both.logical_and(labels.unsqueeze(2).gt(labels.unsqueeze(1)));     // label_i > label_j
        var gap = rewards.unsqueeze(2) - rewards.unsqueeze(1);
        var score = gap.gt(0).to(ScalarType.Float64) + gap.eq(0).to(ScalarType.Float64) * 0.5;
        var counted = ordered.to(ScalarType.Float64);
        var pairs = counted.sum([1, 2]);
        var right = (score * counted).sum([1, 2]);
        return where(pairs.gt(0), right / pairs.clamp_min(1), full_like(pairs, 0.5)).MoveToOuterDisposeScope();
    }
}
