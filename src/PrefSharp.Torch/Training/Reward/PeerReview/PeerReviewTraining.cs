using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Reward.PeerReview;

/// <summary>
/// Trains a reward model and its peer on the same pairs with <see cref="PeerReviewObjective"/> on the shared loop: one
/// AdamW over both (their losses are separate sums, so each gets its own gradient; the global gradient-norm clip is
/// the one thing they share). Every checkpoint holds the model in Hugging Face layout with the peer in
/// <c>peer/</c>, so <c>--resume</c> restores both. Afterwards both get their reward statistics
/// (<see cref="RewardTraining.Normalize"/>); the model is the one to use, the peer a second opinion.
/// </summary>
public static class PeerReviewTraining
{
    /// <summary>Sub-folder of a checkpoint (and of train-rm's output) that holds the peer.</summary>
    public const string PeerFolder = "peer";

    /// <summary>Trains both in place; evaluation of the model on <paramref name="heldOut"/> when given. Returns the loop's result.</summary>
    public static TrainingResult Train(RewardModel model, RewardModel peer, IReadOnlyList<TokenizedPair> train, IReadOnlyList<TokenizedPair>? heldOut,
        RewardObjectiveOptions objective, PeerReviewOptions review, TrainingOptions options, ProgressReporter? progress = null, bool resume = false)
    {
        review.Validate();
        if (objective.Loss is RewardLossKind.RaoKupper or RewardLossKind.GeneralPreference)
            throw new ArgumentException($"peer review trains scalar rewards with a per-pair loss; --loss {objective.Loss} is not supported with it", nameof(objective));
        var (source, evaluation) = RewardTrainer.Sources(model.PadId, train, heldOut, objective.Loss, options);
        var stepsPerEpoch = (double)source.BatchesPerEpoch / options.GradientAccumulation;
        Trainer<PairBatch>? loop = null;
        var objectives = new PeerReviewObjective(new RewardObjective(model, objective), new RewardObjective(peer, objective), review,
            () => loop!.Step / stepsPerEpoch);
        var (first, second) = (RewardTraining.Trainable(model), RewardTraining.Trainable(peer));
        var trainable = new TrainableModel(new PeerReviewModule(model, peer), directory =>
        {
            first.SaveTo(directory);
            second.SaveTo(Path.Combine(directory, PeerFolder));
        }, directory =>
        {
            first.LoadFrom(directory);
            second.LoadFrom(Path.Combine(directory, PeerFolder));
        });
        progress ??= ProgressReporter.Silent;
        using (loop = new Trainer<PairBatch>(trainable, objectives, source, options, evaluation, TokenizedPair.CountTokens, progress))
        {
            if (resume) loop.ResumeFromLatest();
            var result = loop.Run();
            RewardTraining.Normalize(model, train);
            RewardTraining.Normalize(peer, train);
            return result;
        }
    }
}
