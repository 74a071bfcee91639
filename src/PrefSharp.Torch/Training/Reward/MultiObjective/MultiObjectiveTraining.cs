using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// ArmoRM stage 1 with the shared <see cref="Trainer{TBatch}"/>: a num_labels = k reward model regressed on absolute
/// ratings (<see cref="RegressionObjective"/>); checkpoints are multi-objective checkpoints
/// (<see cref="MultiObjectiveCheckpoint"/>) so every saved folder is scorable with a direction.
/// </summary>
public static class MultiObjectiveTraining
{
    /// <summary>Trains <paramref name="model"/>'s stage 1 in place; held-out ratings are evaluated when given.</summary>
    public static TrainingResult TrainRegression(MultiObjectiveRewardModel model, IReadOnlyList<RatingExample> train,
        IReadOnlyList<RatingExample>? heldOut, TrainingOptions options, ProgressReporter? progress = null)
    {
        var padId = model.Model.PadId;
        var source = new MicroBatchSource<RatingExample, RatingBatch>(train, b => RatingBatch.Collate(b, padId), options.MicroBatchSize, options.Seed);
        var evaluation = heldOut is { Count: > 0 }
            ? new MicroBatchSource<RatingExample, RatingBatch>(heldOut, b => RatingBatch.Collate(b, padId), 32, 0, shuffle: false)
            : null;
        var trainable = new TrainableModel(model.Model, directory => MultiObjectiveCheckpoint.Save(model, directory),
            directory => RewardCheckpoint.LoadWeights(model.Model, directory));
        using var trainer = new Trainer<RatingBatch>(trainable, new RegressionObjective(model.Model), source, options, evaluation,
            b => b.Sequences.AttentionMask.sum().item<long>(), progress ?? ProgressReporter.Silent);
        return trainer.Run();
    }
}
