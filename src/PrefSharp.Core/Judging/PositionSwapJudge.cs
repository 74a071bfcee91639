namespace PrefSharp.Core.Judging;

/// <summary>
/// Position-swap debiasing (Zheng et al. 2023, "Judging LLM-as-a-Judge", §3.4 "swap positions"): ask in both orders,
/// p₁ = P(a ≻ b) with a first and p₂ = 1 − P(b ≻ a) with b first. When the two orders name different winners the
/// verdict is a tie (the paper's "inconsistent → tie" rule); otherwise the mean (p₁ + p₂)/2.
/// </summary>
public sealed class PositionSwapJudge(IPairwiseJudge inner) : IPairwiseJudge
{
    public async Task<PairwiseJudgement> CompareAsync(string prompt, string first, string second, CancellationToken cancellation = default)
    {
        var forward = await inner.CompareAsync(prompt, first, second, cancellation).ConfigureAwait(false);
        var backward = await inner.CompareAsync(prompt, second, first, cancellation).ConfigureAwait(false);
        return new PairwiseJudgement(Combine(forward.FirstWins, 1 - backward.FirstWins), $"{forward.Raw}\n---- swapped ----\n{backward.Raw}");
    }

    /// <summary>The debiased P(first ≻ second) from the two orders' answers, both as P(first ≻ second).</summary>
    public static double Combine(double forward, double backward) =>
        (forward > 0.5 && backward < 0.5) || (forward < 0.5 && backward > 0.5) ? 0.5 : (forward + backward) / 2;
}
