using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Data;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Torch.Training.Kto;

/// <summary>
/// Training on unpaired judgements: the shared <see cref="Trainer{TBatch}"/> over <see cref="KtoEncoding"/> rows
/// with a <see cref="KtoObjective"/> (KTO, or APO-zero's unpaired form) and a live frozen copy of the starting policy as
/// reference. For KTO it reports the paper's class balance λ_D·n_D / (λ_U·n_U), which Ethayarajh et al. advise keeping
/// in [1, 4/3].
/// </summary>
public sealed class KtoTrainer : IDisposable
{
    private readonly ICausalLM reference;

    /// <param name="policy">The model trained (owned by the caller); the reference is a copy of it as it is now.</param>
    /// <param name="kind">The unpaired loss: <see cref="PreferenceLossType.KtoPair"/> (KTO) or <see cref="PreferenceLossType.ApoZero"/>.</param>
    public KtoTrainer(ICausalLM policy, IReadOnlyList<TokenizedPair> rows, int padId, PreferenceLossOptions loss, TrainingOptions training,
        IReadOnlyList<TokenizedPair>? heldOut = null, ProgressReporter? progress = null, PreferenceLossType kind = PreferenceLossType.KtoPair)
    {
        if (rows.Count == 0) throw new ArgumentException("no KTO rows", nameof(rows));
        training = training.Validate();
        loss = loss.Validate();
        progress ??= ProgressReporter.ForConsole();
        var desirable = rows.Count(r => r.Weight > 0.5);
        Balance = loss.KtoDesirableWeight * desirable / (loss.KtoUndesirableWeight * (rows.Count - desirable));
        progress.Message(CheckUnpaired(kind) == PreferenceLossType.KtoPair
            ? $"KTO: {desirable} desirable, {rows.Count - desirable} undesirable; λ_D·n_D/(λ_U·n_U) = {Balance:G4} (advised: 1 to 4/3)"
            : $"APO-zero: {desirable} desirable, {rows.Count - desirable} undesirable");
        reference = FrozenReference.CopyOf(policy);
        var objective = new KtoObjective(policy, new FrozenReference(reference), loss, kind);
        var (batches, evaluation) = PairSources.Create(rows, heldOut, padId, training);
        Trainer = new Trainer<PairBatch>(TrainableModel.FromCausalLM(policy), objective, batches, training, evaluation, TokenizedPair.CountTokens, progress);
    }

    /// <summary>λ_D·n_D / (λ_U·n_U) of the training rows (infinite without undesirable ones).</summary>
    public double Balance { get; }

    /// <summary>The shared loop.</summary>
    public Trainer<PairBatch> Trainer { get; }

    /// <summary>The unpaired losses: KTO (<c>kto_pair</c>) and APO-zero (<c>apo_zero</c>); any other is refused.</summary>
    public static PreferenceLossType CheckUnpaired(PreferenceLossType kind) =>
        kind is PreferenceLossType.KtoPair or PreferenceLossType.ApoZero ? kind
            : throw new ArgumentException($"unpaired judgements train kto_pair or apo_zero, not {kind}", nameof(kind));

    public void Dispose()
    {
        Trainer.Dispose();
        reference.Dispose();
    }
}
