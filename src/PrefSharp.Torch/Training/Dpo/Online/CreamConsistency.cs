using PrefSharp.Core.Ranking.Active;

namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// CREAM's consistency rate (Wang et al. 2024, "CREAM: Consistency Regularized Self-Rewarding Language Models", ICLR
/// 2025, §3.2 and Alg. 1; the paper was not reachable: the ICLR reviews place the regularisation loss at Eq. (3.5) and
/// the consistency-weighted update at step 14 of the algorithm, unconfirmed; checked against the reference code
/// Raibows/CREAM cal_consistency.py and sft_dpo_trainer.py, whose defaults are K = 5 samples per prompt at temperature
/// 0.8, top-p 0.95, β = 0.1):
/// two reward models of consecutive iterations rank the same K responses of a prompt; Kendall's τ between the two
/// rankings (Kendall 1938) is mapped to C = (τ + 1)/2 ∈ [0, 1]; training then uses the consistency-regularised DPO
/// loss L = C·L_DPO(y⁺, y⁻) + (1 − C)·L_DPO(y⁻, y⁺), i.e. a soft label C on the pair (<c>SoftLabelLoss</c> with p = C).
/// The paper averages C over the round's prompts ("consistency_avg" in its code) or keeps one per prompt
/// ("consistency_dyn"). τ = 1 − 4·d/(K(K − 1)) with d the Kendall distance (<see cref="RankingDistance"/>), a pair tied
/// in one ranking only counting ½ (the reference code breaks ties by position instead).
/// </summary>
public static class CreamConsistency
{
    /// <summary>C = (τ + 1)/2: 1 when the rankings agree, 0 when one reverses the other.</summary>
    public static double Rate(IReadOnlyList<double> current, IReadOnlyList<double> previous) => (RankingDistance.KendallTau(current, previous) + 1) / 2;

    /// <summary>
    /// The rate of each prompt (rows grouped by prompt, <paramref name="samplesPerPrompt"/> each) and, by
    /// <paramref name="mode"/>, the weight each prompt's pairs get: its own rate or the mean rate.
    /// </summary>
    public static double[] PromptWeights(IReadOnlyList<double> current, IReadOnlyList<double> previous, int samplesPerPrompt, CreamMode mode)
    {
        if (current.Count != previous.Count || samplesPerPrompt < 2 || current.Count % samplesPerPrompt != 0)
            throw new ArgumentException($"score lists of equal length, a multiple of samples per prompt ≥ 2, are needed (got {current.Count}, {previous.Count}, K = {samplesPerPrompt})", nameof(samplesPerPrompt));
        var prompts = current.Count / samplesPerPrompt;
        var rates = Enumerable.Range(0, prompts).Select(p =>
            Rate(current.Skip(p * samplesPerPrompt).Take(samplesPerPrompt).ToList(), previous.Skip(p * samplesPerPrompt).Take(samplesPerPrompt).ToList())).ToArray();
        return mode switch
        {
            CreamMode.PerPrompt => rates,
            CreamMode.Average => Enumerable.Repeat(rates.Average(), prompts).ToArray(),
            _ => Enumerable.Repeat(1.0, prompts).ToArray(),
        };
    }
}
