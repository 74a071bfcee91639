using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Dpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Kto;

/// <summary>
/// KTO on unpaired feedback (Ethayarajh et al. 2024, the KTO loss of §4; <see cref="KtoLoss.Unpaired"/>) as a shared-loop
/// objective over <see cref="KtoEncoding"/> rows: the first sequence of each row is the judged completion, the second
/// the mismatched one, the weight 1 (desirable) or 0 (undesirable). The reference point z₀ is the micro-batch mean
/// of the mismatched log-ratios log πθ(y_j|x_i) − log π_ref(y_j|x_i), detached and clamped at 0, as TRL's KTOTrainer
/// estimates it. Weight = number of judgements. With <paramref name="loss"/> = <see cref="PreferenceLossType.ApoZero"/>
/// the rows train APO-zero's unpaired form instead (<see cref="ApoZeroUnpairedLoss"/>, TRL's KTOTrainer
/// <c>loss_type="apo_zero_unpaired"</c>), which needs no reference point.
/// </summary>
public sealed class KtoObjective(ICausalLM policy, IReferenceLogProbs reference, PreferenceLossOptions options,
    PreferenceLossType loss = PreferenceLossType.KtoPair) : ITrainingObjective<PairBatch>
{
    private readonly PreferenceLossOptions options = options.Validate();
    private readonly PreferenceLossType loss = KtoTrainer.CheckUnpaired(loss);

    public double Weight(PairBatch batch) => batch.Count;

    public ObjectiveLoss Compute(PairBatch batch)
    {
        var labels = batch.Weights ?? throw new ArgumentException("KTO rows need a desirable (1) or undesirable (0) label each", nameof(batch));
        var forward = PairForward.Compute(policy, batch);
        var (referenceJudged, referenceMismatched) = reference.Compute(batch);
        var ratios = forward.Chosen.PerSequence - referenceJudged;                                                // (B)
        var referencePoint = (forward.Rejected.PerSequence - referenceMismatched).mean().detach();
        var desirable = tensor(labels.Select(l => l > 0.5).ToArray(), device: ratios.device);
        var losses = loss == PreferenceLossType.ApoZero
            ? ApoZeroUnpairedLoss.Compute(ratios, desirable, options.Beta)
            : KtoLoss.Unpaired(ratios, desirable, referencePoint, options.Beta, options.KtoDesirableWeight, options.KtoUndesirableWeight);
        var rewards = options.Beta * ratios.detach();
        var good = desirable.to(rewards.dtype);
        var metrics = new Dictionary<string, double>
        {
            ["kl"] = DpoMetrics.Sum(referencePoint.clamp_min(0).expand(batch.Count)),
            ["rewards/desirable"] = DpoMetrics.Sum(rewards * good),
            ["rewards/undesirable"] = DpoMetrics.Sum(rewards * (1 - good)),
            ["count/desirable"] = DpoMetrics.Sum(good),
        };
        return new ObjectiveLoss(losses.sum(), metrics);
    }
}
