using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// One pairwise reward-model run on the shared <see cref="Trainer{TBatch}"/>: the objective for the loss, the Rao–Kupper
/// <see cref="Reward.TieThreshold"/> beside the model when η is fitted (saved in every checkpoint and restored on
/// resume, with its AdamW moments, so a resumed run ends bit-identical to a straight one), and after the run the fitted
/// η and the reward statistics written into the model's config. <see cref="RewardTraining.Train"/> is the one-call form.
/// </summary>
public sealed class RewardTrainer : IDisposable
{
    private readonly RewardModel model;
    private readonly IReadOnlyList<TokenizedPair> train;
    private readonly RewardObjectiveOptions objective;

    /// <summary>Builds the loop; evaluation on <paramref name="heldOut"/> when given.</summary>
    public RewardTrainer(RewardModel model, IReadOnlyList<TokenizedPair> train, IReadOnlyList<TokenizedPair>? heldOut,
        RewardObjectiveOptions objective, TrainingOptions options, ProgressReporter? progress = null)
    {
        this.model = model;
        this.train = train;
        this.objective = objective;
        var (source, evaluation) = Sources(model.PadId, train, heldOut, objective.Loss, options);
        var raoKupper = objective.Loss == RewardLossKind.RaoKupper;
        TieThreshold = raoKupper && objective.LearnTieThreshold ? new TieThreshold(objective.TieThreshold) : null;
        if (raoKupper) model.SetTieThreshold(objective.TieThreshold);   // checkpoints carry η from the start
        Loop = new Trainer<PairBatch>(RewardTraining.Trainable(model, TieThreshold), RewardTraining.Objective(model, objective, TieThreshold),
            source, options, evaluation, TokenizedPair.CountTokens, progress ?? ProgressReporter.Silent);
    }

    /// <summary>
    /// The loop's data: shuffled training micro-batches of <see cref="TrainingOptions.MicroBatchSize"/> pairs, and the
    /// held-out pairs in order, 32 at a time (null when there are none).
    /// </summary>
    public static (MicroBatchSource<TokenizedPair, PairBatch> Train, MicroBatchSource<TokenizedPair, PairBatch>? HeldOut) Sources(
        int padId, IReadOnlyList<TokenizedPair> train, IReadOnlyList<TokenizedPair>? heldOut, RewardLossKind loss, TrainingOptions options) =>
        (new MicroBatchSource<TokenizedPair, PairBatch>(train, b => RewardBatches.Collate(b, padId, loss), options.MicroBatchSize, options.Seed),
         heldOut is { Count: > 0 }
            ? new MicroBatchSource<TokenizedPair, PairBatch>(heldOut, b => RewardBatches.Collate(b, padId, loss), 32, 0, shuffle: false)
            : null);

    /// <summary>The shared loop (checkpoints, events, evaluation).</summary>
    public Trainer<PairBatch> Loop { get; }

    /// <summary>The fitted Rao–Kupper threshold; null unless the loss is Rao–Kupper with η learned.</summary>
    public TieThreshold? TieThreshold { get; }

    /// <summary>Resumes from the newest checkpoint of the output folder (weights, η, optimiser, data position, RNG); false when there is none.</summary>
    public bool ResumeFromLatest() => Loop.ResumeFromLatest();

    /// <summary>Trains until the end or cancellation, then stores η (Rao–Kupper) and the reward statistics (scalar heads).</summary>
    public TrainingResult Run(CancellationToken cancellation = default)
    {
        var result = Loop.Run(cancellation);
        if (TieThreshold is not null) model.SetTieThreshold(TieThreshold.Current);
        if (!model.Config.IsGeneralPreference) RewardTraining.Normalize(model, train);
        return result;
    }

    public void Dispose() => Loop.Dispose();
}
