using PrefSharp.Torch.Rewards.Pluralistic;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.Pluralistic;

/// <summary>
/// Pluralistic reward-model training for the shared loop: the negative log-likelihood of each pair under its
/// annotator's mixture (PAL's ideal points or MiCRo's routed heads; see <see cref="PluralisticRewardModel"/>), summed
/// over pairs (times PairBatch.Weights when given). Weight = pairs. Metric sums: <c>accuracy</c> (logit &gt; 0, 0
/// counts ½), <c>margin</c> (Σ logit), <c>loss</c>.
/// </summary>
/// <remarks>
/// MiCRo departs from the paper's two stages: the paper fits the heads and the context router first, then adapts the
/// routing to each user online; here the per-user routing term ℓ_u is fitted jointly with the heads from the
/// annotator ids, and a user unseen in training gets ℓ_u from a few of their comparisons (<see cref="UserWeightFit"/>).
/// </remarks>
public sealed class PluralisticObjective(PluralisticRewardModel model) : ITrainingObjective<UserPairBatch>
{
    public double Weight(UserPairBatch batch) => batch.Pairs.Count;

    public ObjectiveLoss Compute(UserPairBatch batch)
    {
        var outputs = model.Outputs(batch.Pairs);
        var userLogits = model.Head.UserLogits(batch.Users);
        var perPair = model.Losses(outputs, userLogits);
        if (batch.Pairs.Weights is { } w) perPair = perPair * tensor(w.ToArray(), dtype: perPair.dtype, device: perPair.device);
        var sum = perPair.sum();
        using var noGrad = no_grad();
        return new ObjectiveLoss(sum, RewardObjective.Metrics(model.Logits(outputs, userLogits), sum));
    }
}
