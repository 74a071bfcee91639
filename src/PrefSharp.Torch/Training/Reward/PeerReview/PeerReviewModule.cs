using PrefSharp.Torch.Rewards;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.PeerReview;

/// <summary>What the loop's optimiser sees in peer-review training: the model under <c>model.*</c>, its peer under <c>peer.*</c>.</summary>
public sealed class PeerReviewModule : nn.Module
{
    /// <summary>Registers both models.</summary>
    public PeerReviewModule(RewardModel model, RewardModel peer) : base(nameof(PeerReviewModule))
    {
        register_module("model", model);
        register_module("peer", peer);
    }
}
