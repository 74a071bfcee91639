using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// The DPO family as an <see cref="ITrainingObjective{PairBatch}"/>: policy log-probs of both rows, reference
/// log-probs from a live frozen model or a cache (none: reference-free), the weighted loss list, summed over pairs.
/// Weight = number of pairs. <see cref="PairBatch.Weights"/> are soft labels for the losses that read them (SoftLabel,
/// iREPO), reward margins for MM-DPO's dynamic β (<see cref="PairValues"/>), and per-pair weights otherwise.
/// Departure: the token-weighted loss needs token masks that a <see cref="PairBatch"/> does not carry, so it is
/// refused here (call the loss directly); LD-DPO needs per-token reference log-probs (<see cref="IReferenceLogProbs.HasPerToken"/>), so it needs a
/// live reference or none.
/// </summary>
public sealed class DpoObjective : ITrainingObjective<PairBatch>
{
    private readonly ICausalLM policy;
    private readonly IReferenceLogProbs? reference;
    private readonly IReadOnlyList<WeightedLoss> losses;
    private readonly PreferenceLossOptions options;
    private readonly bool wpoWeights;

    /// <param name="reference">Null for reference-free losses (SimPO, ORPO, CPO, MaPO) or reference-free DPO.</param>
    /// <param name="wpoWeights">Multiply each pair's loss by its WPO weight (<see cref="WpoWeights"/>, Zhou et al. 2024).</param>
    public DpoObjective(ICausalLM policy, IReferenceLogProbs? reference, IReadOnlyList<WeightedLoss> losses, PreferenceLossOptions options,
        bool wpoWeights = false)
    {
        if (losses.Count == 0) throw new ArgumentException("at least one loss is needed", nameof(losses));
        if (losses.Any(l => l.Type == PreferenceLossType.TokenWeighted))
            throw new ArgumentException("loss TokenWeighted needs per-token masks, which a PairBatch does not carry", nameof(losses));
        PairValues.For(losses);
        if (losses.Any(l => l.Type == PreferenceLossType.LdDpo) && reference is { HasPerToken: false })
            throw new ArgumentException("LD-DPO needs per-token reference log-probs: use a live reference (FrozenReference) or none", nameof(reference));
        this.policy = policy;
        this.reference = reference;
        this.losses = losses;
        this.options = options.Validate();
        this.wpoWeights = wpoWeights;
        UsesSoftLabels = PairValues.ReadsSoftLabels(losses);
        UsesRewardMargins = PairValues.ReadsRewardMargins(losses);
    }

    private bool UsesSoftLabels { get; }

    private bool UsesRewardMargins { get; }

    public double Weight(PairBatch batch) => batch.Count;

    public ObjectiveLoss Compute(PairBatch batch)
    {
        var forward = PairForward.Compute(policy, batch);                                                   // one pass for both sides
        var (chosen, rejected, chosenMask, rejectedMask) = (forward.Chosen, forward.Rejected, forward.ChosenMask, forward.RejectedMask);
        var inputs = new PreferenceLossInputs(chosen.PerSequence, rejected.PerSequence)
        {
            ChosenTokens = chosenMask.sum(1), RejectedTokens = rejectedMask.sum(1),
            PolicyChosenPerToken = chosen.PerToken, PolicyRejectedPerToken = rejected.PerToken,
            ChosenMask = chosenMask, RejectedMask = rejectedMask,
        };
        if (reference is { HasPerToken: true } && losses.Any(l => l.Type == PreferenceLossType.LdDpo))
        {
            var (referenceChosen, referenceRejected) = reference.ComputePerToken(batch);
            inputs = inputs with
            {
                ReferenceChosen = referenceChosen.PerSequence, ReferenceRejected = referenceRejected.PerSequence,
                ReferenceChosenPerToken = referenceChosen.PerToken, ReferenceRejectedPerToken = referenceRejected.PerToken,
            };
        }
        else if (reference is not null)
        {
            var (referenceChosen, referenceRejected) = reference.Compute(batch);
            inputs = inputs with { ReferenceChosen = referenceChosen, ReferenceRejected = referenceRejected };
        }
        if (batch.Weights is not null)
        {
            var values = tensor(batch.Weights.ToArray(), chosen.PerSequence.dtype, chosen.PerSequence.device);
            inputs = UsesSoftLabels ? inputs with { SoftLabels = values }
                : UsesRewardMargins ? inputs with { RewardMargins = values } : inputs with { Weights = values };
        }
        if (wpoWeights)
        {
            var logWeights = WpoWeights.LogWeights(forward.Logits, forward.Labels, forward.BothMasks());       // (2B)
            var pairWeights = WpoWeights.PairWeights(logWeights.narrow(0, 0, batch.Count), logWeights.narrow(0, batch.Count, batch.Count));
            inputs = inputs with { Weights = inputs.Weights is null ? pairWeights : inputs.Weights * pairWeights };
        }
        var sum = PreferenceLoss.Compute(losses, inputs, options).sum();
        var entropies = DpoMetrics.MeanTokenEntropy(forward.Logits, forward.BothMasks());                  // (2B)
        var entropy = (entropies.narrow(0, 0, batch.Count) + entropies.narrow(0, batch.Count, batch.Count)) / 2;
        var metrics = DpoMetrics.Sums(inputs.PolicyChosen, inputs.PolicyRejected, inputs.ReferenceChosen, inputs.ReferenceRejected, entropy, options.Beta);
        metrics["ches"] = DpoMetrics.Sum(ChesScore.Compute(forward, lengthNormalised: false));
        metrics["ches/length_normalised"] = DpoMetrics.Sum(ChesScore.Compute(forward, lengthNormalised: true));
        return new ObjectiveLoss(sum, metrics);
    }
}
