using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// DPO-family training: the shared <see cref="Trainer{TBatch}"/> over <see cref="PairBatch"/>es with a
/// <see cref="DpoObjective"/>. The reference is, by <see cref="DpoOptions.Reference"/>, a frozen copy of the policy as
/// given (or the model passed as reference) running live, a <see cref="ReferenceLogProbCache"/> computed before the
/// first step (the frozen copy is then released), or nothing. With TR-DPO (<see cref="DpoOptions.SyncSteps"/> &gt; 0)
/// <see cref="ReferenceSync.Apply"/> runs on the trainer's <see cref="Trainer{TBatch}.StepCompleted"/> event after
/// every optimiser step, and each checkpoint also holds the moved reference (sub-folder <see cref="ReferenceFolder"/>)
/// so that a resumed run continues from the same reference. With <see cref="DpoOptions.ChesFilterFraction"/> &gt; 0 the
/// pairs of highest CHES under the starting policy are dropped first (<see cref="ChesFilter"/>).
/// </summary>
public sealed class DpoTrainer : IDisposable
{
    /// <summary>Checkpoint sub-folder of the TR-DPO reference weights.</summary>
    public const string ReferenceFolder = "reference";

    /// <summary>Default cache file name in the output folder (cached mode).</summary>
    public const string CacheFileName = "reference_logps.bin";

    private readonly ICausalLM? ownedReference;

    /// <summary>Pairs on which gradient entanglement is measured (two backward passes each) at every logging step.</summary>
    public const int EntanglementPairs = 8;

    /// <summary>The first training pairs (up to a micro-batch, at most <see cref="EntanglementPairs"/>), on which gradient entanglement is measured.</summary>
    private readonly PairBatch probe;

    /// <param name="policy">The model trained (owned by the caller); the default reference is a copy of it as it is now.</param>
    /// <param name="train">Training pairs.</param>
    /// <param name="padId">Padding id of the tokenizer.</param>
    /// <param name="heldOut">Held-out pairs evaluated every <see cref="TrainingOptions.EvalEvery"/> steps; null: none.</param>
    /// <param name="reference">Another reference model (owned by the caller, frozen here); null copies the policy.</param>
    public DpoTrainer(ICausalLM policy, IReadOnlyList<TokenizedPair> train, int padId, DpoOptions dpo, TrainingOptions training,
        IReadOnlyList<TokenizedPair>? heldOut = null, ICausalLM? reference = null, ProgressReporter? progress = null)
    {
        Options = dpo.Validate();
        training = training.Validate();
        if (train.Count == 0) throw new ArgumentException("no training pairs", nameof(train));
        progress ??= ProgressReporter.ForConsole();
        Policy = policy;
        train = FilterByChes(policy, train, padId, training.MicroBatchSize, progress);
        IReferenceLogProbs? source = null;
        if (dpo.Reference != ReferenceMode.None)
        {
            var frozen = new FrozenReference(reference ?? (ownedReference = FrozenReference.CopyOf(policy)));
            if (dpo.Reference == ReferenceMode.Live)
            {
                source = frozen;
                Reference = frozen.Model;
            }
            else
            {
                var path = dpo.ReferenceCachePath ?? Path.Combine(training.OutputDirectory, CacheFileName);
                source = ReferenceCacheFile.Obtain(frozen, [.. train, .. heldOut ?? []], padId, training.MicroBatchSize, path, progress);
                ownedReference?.Dispose();
                ownedReference = null;
            }
        }
        if (source is null)
            progress.Message("reference-free: likelihood displacement and the reference's ranking accuracy are not logged (there is no reference model)");
        Objective = new DpoObjective(policy, source, dpo.Losses, dpo.LossOptions, dpo.WpoWeights);
        var model = dpo.SyncSteps > 0 ? WithReference(policy, Reference!) : TrainableModel.FromCausalLM(policy);
        var (batches, evaluation) = PairSources.Create(train, heldOut, padId, training);
        Trainer = new Trainer<PairBatch>(model, Objective, batches, training, evaluation, TokenizedPair.CountTokens, progress);
        probe = TokenizedPair.Collate([.. train.Take(Math.Min(training.MicroBatchSize, EntanglementPairs))], padId);
        Trainer.LogStepDiagnostics = () => GradientEntanglement.Summary(Policy, probe);
        if (dpo.SyncSteps > 0)
            Trainer.StepCompleted += report =>
            {
                if (ReferenceSync.Apply(Policy, Reference!, report.Step, dpo.SyncSteps, dpo.SyncAlpha)) SyncCount++;
            };
    }

    /// <summary>The validated DPO options.</summary>
    public DpoOptions Options { get; }

    /// <summary>The model trained.</summary>
    public ICausalLM Policy { get; }

    /// <summary>The live reference model; null in cached and reference-free modes.</summary>
    public ICausalLM? Reference { get; }

    /// <summary>The loss.</summary>
    public DpoObjective Objective { get; }

    /// <summary>The shared loop (evaluation, checkpoints, resume, events).</summary>
    public Trainer<PairBatch> Trainer { get; }

    /// <summary>Training pairs the CHES filter dropped (<see cref="DpoOptions.ChesFilterFraction"/>).</summary>
    public int ChesDropped { get; private set; }

    /// <summary>TR-DPO reference updates made by this trainer so far.</summary>
    public int SyncCount { get; private set; }

    /// <summary>Trains (see <see cref="Trainer{TBatch}.Run"/>).</summary>
    public TrainingResult Run(CancellationToken cancellation = default) => Trainer.Run(cancellation);

    /// <summary>Resumes from the newest checkpoint in the output folder (policy, optimiser, data position, TR-DPO reference).</summary>
    public bool ResumeFromLatest() => Trainer.ResumeFromLatest();

    private IReadOnlyList<TokenizedPair> FilterByChes(ICausalLM policy, IReadOnlyList<TokenizedPair> train, int padId, int batchSize, ProgressReporter progress)
    {
        if (Options.ChesFilterFraction == 0) return train;
        var scores = ChesFilter.Scores(policy, train, padId, batchSize, Options.ChesLengthNormalised);
        var kept = ChesFilter.Drop(train, scores, Options.ChesFilterFraction);
        ChesDropped = train.Count - kept.Count;
        progress.Message($"CHES filter: dropped {ChesDropped} of {train.Count} pairs (highest {(Options.ChesLengthNormalised ? "length-normalised " : "")}CHES)");
        return kept.Count > 0 ? kept : throw new ArgumentException("the CHES filter left no training pairs", nameof(train));
    }

    private static TrainableModel WithReference(ICausalLM policy, ICausalLM reference) => new(policy.Module,
        folder =>
        {
            Checkpoint.Save(policy, folder);
            Checkpoint.Save(reference, Path.Combine(folder, ReferenceFolder));
        },
        folder =>
        {
            Checkpoint.LoadWeights(policy, folder);
            var saved = Path.Combine(folder, ReferenceFolder);
            if (!Directory.Exists(saved)) throw new InvalidDataException($"{folder} has no {ReferenceFolder}/ folder: it was not written by a TR-DPO run");
            Checkpoint.LoadWeights(reference, saved);
        });

    public void Dispose()
    {
        Trainer.Dispose();
        ownedReference?.Dispose();
        probe.Dispose();
    }
}
