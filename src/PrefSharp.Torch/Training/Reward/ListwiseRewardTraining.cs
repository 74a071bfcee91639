using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// Trains a scalar reward model on k-way lists (<see cref="ListwiseExample"/>) with the shared loop and
/// <see cref="ListwiseRewardObjective"/>, then records the mean and std of its raw rewards on the training responses
/// (as <see cref="RewardTraining"/> does for pairs). <c>options.MicroBatchSize</c> counts lists.
/// </summary>
public static class ListwiseRewardTraining
{
    /// <summary>
    /// Trains <paramref name="model"/> in place; evaluation on <paramref name="heldOut"/> when given; with
    /// <paramref name="resume"/> it first continues from the newest checkpoint in the output folder.
    /// </summary>
    public static TrainingResult Train(RewardModel model, IReadOnlyList<ListwiseExample> train, IReadOnlyList<ListwiseExample>? heldOut,
        ListwiseLossKind loss, TrainingOptions options, double labelTemperature = 1.0, ProgressReporter? progress = null, bool resume = false)
    {
        if (model.Config.IsGeneralPreference || model.Config.NumLabels != 1)
            throw new ArgumentException("listwise losses train a scalar reward head (num_labels = 1)", nameof(model));
        if (!(labelTemperature > 0)) throw new ArgumentException($"--label-temperature must be > 0, found {labelTemperature}", nameof(labelTemperature));
        var padId = model.PadId;
        var source = new MicroBatchSource<ListwiseExample, ListBatch>(train, b => ListBatch.Collate(b, padId), options.MicroBatchSize, options.Seed);
        var evaluation = heldOut is { Count: > 0 }
            ? new MicroBatchSource<ListwiseExample, ListBatch>(heldOut, b => ListBatch.Collate(b, padId), 16, 0, shuffle: false)
            : null;
        using var trainer = new Trainer<ListBatch>(RewardTraining.Trainable(model), new ListwiseRewardObjective(model, loss, labelTemperature),
            source, options, evaluation, ListBatch.CountTokens, progress ??= ProgressReporter.Silent);
        if (resume) trainer.ResumeFromLatest();
        var result = trainer.Run();
        RewardTraining.Normalize(model, train.Select(l => new TokenizedPair(l.Responses[0], l.Responses[^1])).ToList());
        return result;
    }
}
