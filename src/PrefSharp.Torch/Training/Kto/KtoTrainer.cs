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
/// KTO training on unpaired judgements: the shared <see cref="Trainer{TBatch}"/> over <see cref="KtoEncoding"/> rows
/// with a <see cref="KtoObjective"/> and a live frozen copy of the starting policy as reference. Reports the paper's
/// class balance λ_D·n_D / (λ_U·n_U), which Ethayarajh et al. advise keeping in [1, 4/3].
/// </summary>
public sealed class KtoTrainer : IDisposable
{
    private readonly ICausalLM reference;

    /// <param name="policy">The model trained (owned by the caller); the reference is a copy of it as it is now.</param>
    public KtoTrainer(ICausalLM policy, IReadOnlyList<TokenizedPair> rows, int padId, PreferenceLossOptions loss, TrainingOptions training,
        IReadOnlyList<TokenizedPair>? heldOut = null, ProgressReporter? progress = null)
    {
        if (rows.Count == 0) throw new ArgumentException("no KTO rows", nameof(rows));
        training = training.Validate();
        loss = loss.Validate();
        progress ??= ProgressReporter.ForConsole();
        var desirable = rows.Count(r => r.Weight > 0.5);
        Balance = loss.KtoDesirableWeight * desirable / (loss.KtoUndesirableWeight * (rows.Count - desirable));
        progress.Message($"KTO: {desirable} desirable, {rows.Count - desirable} undesirable; λ_D·n_D/(λ_U·n_U) = {Balance:G4} (advised: 1 to 4/3)");
        reference = FrozenReference.CopyOf(policy);
        var objective = new KtoObjective(policy, new FrozenReference(reference), loss);
        var (batches, evaluation) = PairSources.Create(rows, heldOut, padId, training);
        Trainer = new Trainer<PairBatch>(TrainableModel.FromCausalLM(policy), objective, batches, training, evaluation, TokenizedPair.CountTokens, progress);
    }

    /// <summary>λ_D·n_D / (λ_U·n_U) of the training rows (infinite without undesirable ones).</summary>
    public double Balance { get; }

    /// <summary>The shared loop.</summary>
    public Trainer<PairBatch> Trainer { get; }

    public void Dispose()
    {
        Trainer.Dispose();
        reference.Dispose();
    }
}
