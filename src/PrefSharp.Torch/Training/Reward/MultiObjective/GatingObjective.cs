using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// The gate's loss on the shared loop: <see cref="GatedRewardLoss"/> summed over the drawn pairs, one unit per pair,
/// on the frozen prompt states and (adjusted) objective rewards of every pair.
/// </summary>
internal sealed class GatingObjective(ObjectiveGating gate, Tensor prompt, Tensor chosen, Tensor rejected) : ITrainingObjective<GatingBatch>
{
    private static readonly IReadOnlyDictionary<string, double> NoMetrics = new Dictionary<string, double>();

    public double Weight(GatingBatch batch) => batch.Index.shape[0];

    public ObjectiveLoss Compute(GatingBatch batch)
    {
        var weights = gate.forward(prompt.index_select(0, batch.Index));
        var loss = GatedRewardLoss.Compute(chosen.index_select(0, batch.Index), rejected.index_select(0, batch.Index), weights);
        return new ObjectiveLoss(loss.sum(), NoMetrics);
    }
}
