using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.NashMd;

/// <summary>
/// <see cref="NashMdLoss"/> as a shared-loop objective, one unit per prompt. Metrics (means over prompts): the
/// preference of the policy's sample over the opponent's, the sequence KL estimate log π_θ(y|x) − log π_ref(y|x), and
/// the gold utility of the policy's samples when known.
/// </summary>
internal sealed class NashMdObjective(ICausalLM policy, double tau) : ITrainingObjective<NashMdMicroBatch>
{
    public double Weight(NashMdMicroBatch batch) => batch.Preferences.shape[0];

    public ObjectiveLoss Compute(NashMdMicroBatch batch)
    {
        var logProbs = CompletionLogProbs.Compute(policy, batch.Rows).LogProbs.PerSequence.to(ScalarType.Float64);   // (B)
        var reference = batch.ReferenceLogProbs.to(ScalarType.Float64);
        var sum = NashMdLoss.Sum(logProbs, reference, batch.Preferences, tau);
        using var noGrad = no_grad();
        var metrics = new Dictionary<string, double>
        {
            ["nash/preference_vs_opponent"] = batch.Preferences.sum().to(ScalarType.Float64).item<double>(),
            ["kl"] = (logProbs.detach() - reference).sum().item<double>(),
        };
        if (batch.GoldSum is { } gold) metrics["reward/gold"] = gold;
        return new ObjectiveLoss(sum, metrics);
    }
}
