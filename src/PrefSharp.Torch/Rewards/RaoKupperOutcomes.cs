using PrefSharp.Torch.Losses.Reward;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// A reward model with a Rao–Kupper tie threshold η evaluated on three outcomes (Rao and Kupper 1967, Eq. 2.1–2.2, as in
/// <see cref="RaoKupperRewardLoss"/>): with Δ = r_c − r_r, P(win) = σ(Δ − η), P(loss) = σ(−Δ − η),
/// P(tie) = (e^{2η} − 1)·σ(Δ − η)·σ(−Δ − η) = 1 − P(win) − P(loss). For each pair the observed outcome is a win of the
/// chosen side, or a tie; reported: the mean log-likelihood of the observed outcome (−the mean Rao–Kupper loss), the
/// predicted tie rate mean P(tie) beside the observed one, and the three-way accuracy of argmax{P(win), P(tie), P(loss)}.
/// </summary>
public static class RaoKupperOutcomes
{
    /// <summary>True for a scalar reward model with a Rao–Kupper threshold η &gt; 0 (one trained with the Rao–Kupper loss).</summary>
    public static bool Applies(RewardModelConfig config) => config.TieThreshold is > 0 && !config.IsGeneralPreference;

    /// <summary>The report of <paramref name="model"/> (<see cref="Applies"/>) on tokenized pairs, ties flagged.</summary>
    public static RaoKupperOutcomeReport Evaluate(RewardModel model,
        IReadOnlyList<(TokenizedSequence Chosen, TokenizedSequence Rejected, bool IsTie)> pairs, int batchSize = 16)
    {
        if (!Applies(model.Config))
            throw new ArgumentException("three-outcome evaluation needs a scalar reward model with a Rao–Kupper tie threshold η > 0 (train-rm --loss rao-kupper)", nameof(model));
        var gaps = PreferenceLogits.Pairs(model, pairs.Select(p => (p.Chosen, p.Rejected)).ToList(), batchSize);
        return FromGaps(gaps, pairs.Select(p => p.IsTie).ToList(), model.Config.TieThreshold!.Value);
    }

    /// <summary>The report for preference logits <paramref name="gaps"/> Δ, tie flags and η &gt; 0.</summary>
    public static RaoKupperOutcomeReport FromGaps(IReadOnlyList<double> gaps, IReadOnlyList<bool> isTie, double threshold)
    {
        if (gaps.Count == 0) throw new ArgumentException("no pairs to evaluate", nameof(gaps));
        if (isTie.Count != gaps.Count) throw new ArgumentException($"isTie has {isTie.Count} flags for {gaps.Count} pairs", nameof(isTie));
        using var scope = NewDisposeScope();
        var gap = tensor(gaps.ToArray());                                                             // (N) float64
        var zero = zeros_like(gap);
        var tie = tensor(isTie.ToArray());
        var decided = zeros_like(tie);
        var logWin = -RaoKupperRewardLoss.Compute(gap, zero, decided, threshold);                     // log σ(Δ − η)
        var logLoss = -RaoKupperRewardLoss.Compute(-gap, zero, decided, threshold);                   // log σ(−Δ − η)
        var logTie = -RaoKupperRewardLoss.Compute(gap, zero, ones_like(tie), threshold);              // log P(tie)
        var observed = -RaoKupperRewardLoss.Compute(gap, zero, tie, threshold);
        var predicted = stack([logWin, logTie, logLoss], 1).argmax(1);                               // 0 win, 1 tie, 2 loss
        var correct = predicted.eq(tie.to(ScalarType.Int64));                                         // observed: 1 for a tie, 0 for a win
        return new RaoKupperOutcomeReport(gaps.Count, isTie.Count(t => t), threshold,
            observed.mean().item<double>(), tie.to(ScalarType.Float64).mean().item<double>(), logTie.exp().mean().item<double>(),
            correct.to(ScalarType.Float64).mean().item<double>());
    }
}
