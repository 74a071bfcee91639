using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// ArmoRM stage 1 for the shared loop: the k outputs of a num_labels = k reward model regress on absolute ratings with
/// <see cref="MultiObjectiveRegressionLoss"/> (Σ over rated objectives of squared errors), summed over examples.
/// Weight = examples. Metric sums: <c>loss</c>. Departure from the paper: the paper freezes a pretrained backbone and
/// fits the linear head by ridge regression; a from-scratch backbone here has no useful features, so the whole model
/// is trained by gradient descent on the same squared error.
/// </summary>
public sealed class RegressionObjective(RewardModel model) : ITrainingObjective<RatingBatch>
{
    public double Weight(RatingBatch batch) => batch.Count;

    public ObjectiveLoss Compute(RatingBatch batch)
    {
        var predicted = model.forward(batch.Sequences.InputIds, batch.Sequences.AttentionMask);   // (B, k)
        if (predicted.shape[1] != batch.Targets.shape[1])
            throw new ArgumentException($"the model has {predicted.shape[1]} outputs but the batch {batch.Targets.shape[1]} ratings", nameof(batch));
        var sum = MultiObjectiveRegressionLoss.Compute(predicted, batch.Targets.to(predicted.dtype), batch.Rated).sum();
        var metrics = new Dictionary<string, double> { ["loss"] = sum.detach().to(ScalarType.Float64).item<double>() };
        return new ObjectiveLoss(sum, metrics);
    }
}
