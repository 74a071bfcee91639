using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.PeerReview;

/// <summary>
/// Two reward models trained together, each on the pairs its PEER finds easiest: per batch both score every pair, the
/// peer's ⌈keep·B⌉ smallest-loss pairs (<see cref="PeerFilter"/>) are the ones a model learns from, and keep falls from
/// 1 to 1 − τ on <see cref="PeerReviewOptions"/>'s schedule. Flipped labels are hard to fit, so they land among the
/// withheld pairs, and because the selection comes from the other model a model's own early mistakes are not fed back
/// to it. This is Co-teaching (Han et al. 2018, "Co-teaching: Robust Training of Deep Neural Networks with Extremely
/// Noisy Labels", Algorithm 1) with the reward losses, the peer review of CRM (Zhang et al. 2025, "Two Minds Better
/// Than One: Collaborative Reward Modeling for LLM Alignment", §3; for a Bradley–Terry loss the smallest losses are
/// the largest margins, CRM's selection statistic). Each kept pair's loss is scaled by B/kept, so a model's update is
/// the mean over its kept pairs, as in Co-teaching. Weight = pairs. Metric sums: the first model's <c>accuracy</c>,
/// <c>margin</c> and <c>loss</c> over ALL pairs (as <see cref="RewardObjective"/> reports them), <c>peer_accuracy</c>
/// and <c>kept</c> (the kept share times B, so its mean is the share).
/// </summary>
public sealed class PeerReviewObjective(RewardObjective model, RewardObjective peer, PeerReviewOptions review, Func<double> epochs)
    : ITrainingObjective<PairBatch>
{
    public double Weight(PairBatch batch) => batch.Count;

    public ObjectiveLoss Compute(PairBatch batch)
    {
        var (modelLosses, modelGap) = model.PairTerms(batch);
        var (peerLosses, peerGap) = peer.PairTerms(batch);
        var keep = review.KeepFraction(epochs());
        var forModel = PeerFilter.Select(peerLosses, keep).to(modelLosses.dtype);   // the peer picks the model's pairs
        var forPeer = PeerFilter.Select(modelLosses, keep).to(peerLosses.dtype);    // and the model picks the peer's
        var kept = forModel.sum().to(ScalarType.Float64).item<double>();
        var sum = ((modelLosses * forModel).sum() + (peerLosses * forPeer).sum()) * (batch.Count / kept);
        var metrics = RewardObjective.Metrics(modelGap, modelLosses.sum());
        metrics["peer_accuracy"] = RewardObjective.CorrectPairs(peerGap);
        metrics["kept"] = kept;
        return new ObjectiveLoss(sum, metrics);
    }
}
