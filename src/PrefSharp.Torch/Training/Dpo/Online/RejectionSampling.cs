namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// Statistical rejection sampling (Liu et al. 2024, "Statistical Rejection Sampling Improves Preference Optimization",
/// ICLR, §3 and Algorithm 1). Candidates y drawn from a proposal π (the paper's π_sft) are accepted with probability
/// exp((r(x, y) − r_max)/β), r_max the largest reward among the candidates, so that an accepted y is distributed as
/// π(y)·exp(r(x, y)/β)/Z(x) — the optimal policy of the KL-regularised objective DPO targets (Rafailov et al. 2023,
/// Eq. 4) — up to the bound r_max being estimated from the candidates. Algorithm 1 repeats passes over the remaining
/// candidates, with r_max recomputed over them, until the wanted number is accepted.
/// </summary>
public static class RejectionSampling
{
    /// <summary>
    /// One pass (the inner loop of Algorithm 1): the indices accepted, each independently with probability
    /// exp((r_i − <paramref name="maxReward"/>)/β), in index order.
    /// </summary>
    public static List<int> AcceptOnce(IReadOnlyList<double> rewards, double maxReward, double beta, Random random)
    {
        Check(rewards, beta);
        var accepted = new List<int>();
        for (var i = 0; i < rewards.Count; i++)
            if (random.NextDouble() < Math.Exp((rewards[i] - maxReward) / beta)) accepted.Add(i);
        return accepted;
    }

    /// <summary>
    /// Algorithm 1: up to <paramref name="count"/> distinct indices of <paramref name="rewards"/>, in the order they were
    /// accepted. Each pass bounds with the best remaining reward (which is therefore always accepted), so the loop ends.
    /// </summary>
    public static List<int> Sample(IReadOnlyList<double> rewards, double beta, int count, Random random)
    {
        Check(rewards, beta);
        if (count < 1) throw new ArgumentException($"count must be ≥ 1, found {count}", nameof(count));
        var remaining = Enumerable.Range(0, rewards.Count).ToList();
        var accepted = new List<int>();
        while (accepted.Count < count && remaining.Count > 0)
        {
            var max = remaining.Max(i => rewards[i]);
            foreach (var index in remaining.ToList())
            {
                if (random.NextDouble() >= Math.Exp((rewards[index] - max) / beta)) continue;
                accepted.Add(index);
                remaining.Remove(index);
                if (accepted.Count == count) break;
            }
        }
        return accepted;
    }

    private static void Check(IReadOnlyList<double> rewards, double beta)
    {
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentException($"beta must be finite and > 0, found {beta}", nameof(beta));
        if (rewards.Any(r => !double.IsFinite(r))) throw new ArgumentException("rewards must be finite", nameof(rewards));
    }
}
