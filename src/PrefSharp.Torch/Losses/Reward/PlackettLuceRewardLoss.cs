using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Reward;

/// <summary>
/// Listwise reward loss for k-way rankings: the Plackett–Luce negative log-likelihood (Plackett 1975, Eq. 1; Luce
/// 1959), the list generalisation of Bradley–Terry that RankList-style listwise preference learning (Wu et al. 2025,
/// "RankList") and LiPO (Liu et al. 2024, §3) build on:
/// ℓ = Σ_{i=1}^{k−1} [log Σ_{j ≥ i} exp r_j − r_i], for rewards r_1..r_k listed best first.
/// For k = 2 it is Bradley–Terry. Rows may hold fewer than k responses: masked-out entries are dropped from the
/// ranking. No hyper-parameters.
/// </summary>
public static class PlackettLuceRewardLoss
{
    /// <summary>
    /// Per-list losses (B) from <paramref name="rewards"/> (B, k) ordered best first; <paramref name="mask"/> (B, k)
    /// bool marks the present responses (null: all), which must come first in each row.
    /// </summary>
    public static Tensor Compute(Tensor rewards, Tensor? mask = null)
    {
        if (rewards.dim() != 2) throw new ArgumentException($"rewards must be (B, k), found [{string.Join(", ", rewards.shape)}]", nameof(rewards));
        using var scope = NewDisposeScope();
        var k = rewards.shape[1];
        var present = mask ?? ones_like(rewards, dtype: ScalarType.Bool);
        var later = ones(k, k, dtype: ScalarType.Bool, device: rewards.device).triu();      // later[i, j] = j ≥ i
        var candidates = present.unsqueeze(1).logical_and(later.unsqueeze(0));              // (B, k, k)
        var expanded = rewards.unsqueeze(1).expand(-1, k, -1);                              // (B, k, k): row i sees r_j
        var denominators = expanded.masked_fill(candidates.logical_not(), double.NegativeInfinity).logsumexp(2); // (B, k)
        var terms = (denominators - rewards).masked_fill(present.logical_not(), 0.0);      // last present term is 0
        return terms.sum(1).MoveToOuterDisposeScope();
    }
}
