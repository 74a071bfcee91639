using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// General Preference Model training for the shared loop (Zhang et al. 2024, "Beyond Bradley–Terry", Eq. 4–5 and §4):
/// embeds each side at its last real token (unit length), reads the eigenvalue gate λ(x) at the chosen side's last
/// prompt token, and sums ℓ = −log σ(⟨R(x) v_c, v_r⟩ / β) over pairs (times PairBatch.Weights when given).
/// Weight = pairs. Metric sums: <c>accuracy</c> (s &gt; 0, s = 0 counts ½), <c>margin</c> (Σ s/β, the logit), <c>loss</c>.
/// </summary>
/// <remarks>
/// Departs from the released code in one place: there the gate's prompt state comes from the chosen sequence too, but
/// left-padded; here sequences are right-padded and the prompt end is found from the loss mask.
/// </remarks>
public sealed class GeneralPreferenceObjective : ITrainingObjective<PairBatch>
{
    private readonly RewardModel _model;
    private readonly double _beta;

    /// <summary>An objective for a GPM-headed <paramref name="model"/> (β from its config).</summary>
    public GeneralPreferenceObjective(RewardModel model)
    {
        _beta = (model.Config.GeneralPreference
            ?? throw new ArgumentException("--loss gpm needs a General Preference head (RewardModelConfig.GeneralPreference)", nameof(model))).Beta;
        _model = model;
    }

    public double Weight(PairBatch batch) => batch.Count;

    public ObjectiveLoss Compute(PairBatch batch)
    {
        var (chosen, eigenvalues) = _model.GeneralPreferenceOutputs(batch.Chosen.InputIds, batch.Chosen.AttentionMask, batch.Chosen.LossMask);
        var (rejected, _) = _model.GeneralPreferenceOutputs(batch.Rejected.InputIds, batch.Rejected.AttentionMask, batch.Rejected.LossMask);
        var perPair = GeneralPreferenceLoss.Compute(chosen, rejected, eigenvalues, _beta);                // (B)
        if (batch.Weights is { } w)
        {
            if (w.Count != batch.Count) throw new ArgumentException($"PairBatch.Weights has {w.Count} entries for {batch.Count} pairs", nameof(batch));
            perPair = perPair * tensor(w.ToArray(), dtype: perPair.dtype, device: perPair.device);
        }
        var sum = perPair.sum();
        using var noGrad = no_grad();
        var logit = GeneralPreferenceLoss.Score(chosen, rejected, eigenvalues).detach().to(ScalarType.Float64).div(_beta);
        var correct = logit.gt(0).to(ScalarType.Float64).sum() + logit.eq(0).to(ScalarType.Float64).sum() * 0.5;
        return new ObjectiveLoss(sum, new Dictionary<string, double>
        {
            ["accuracy"] = correct.item<double>(),
            ["margin"] = logit.sum().item<double>(),
            ["loss"] = sum.detach().to(ScalarType.Float64).item<double>(),
        });
    }
}
