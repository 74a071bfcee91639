using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// Generalised advantage estimation (Schulman et al. 2016, "High-Dimensional Continuous Control Using Generalized
/// Advantage Estimation", Eq. 16 and its recursion): δ_t = r_t + γ·V_{t+1} − V_t, Â_t = δ_t + γλ·Â_{t+1}, and the
/// value target R_t = Â_t + V_t (the λ-return). Every completion token is a step; the episode ends after the last
/// scored token, so V and Â beyond it are 0.
/// </summary>
/// <remarks>
/// Inputs are in the shifted layout of <see cref="LogProbs.CompletionLogProbs"/>: (B, T − 1), position t the state
/// before token t + 1. Each row's scored positions must be contiguous (a prompt, then its completion); positions
/// outside the mask get Â = 0 and R = 0. The recursion runs backwards over positions with one tensor op per column.
/// TRL's PPOTrainer and OpenRLHF compute the same quantities (γ = 1, λ = 0.95 by default).
/// </remarks>
public static class Gae
{
    /// <summary>(advantages, returns), both (B, T − 1), from per-token rewards, values and the scored mask.</summary>
    public static (Tensor Advantages, Tensor Returns) Compute(Tensor rewards, Tensor values, Tensor mask, double gamma, double lambda)
    {
        if (rewards.dim() != 2 || !values.shape.SequenceEqual(rewards.shape) || !mask.shape.SequenceEqual(rewards.shape))
            throw new ArgumentException($"rewards, values and mask must share one (B, T) shape, found [{string.Join(", ", rewards.shape)}], " +
                $"[{string.Join(", ", values.shape)}], [{string.Join(", ", mask.shape)}]", nameof(rewards));
        if (!(gamma is >= 0 and <= 1)) throw new ArgumentException($"must be in [0, 1], found {gamma}", nameof(gamma));
        if (!(lambda is >= 0 and <= 1)) throw new ArgumentException($"must be in [0, 1], found {lambda}", nameof(lambda));
        using var scope = NewDisposeScope();
        var m = mask.to(rewards.dtype);
        var v = values.detach() * m;
        var length = rewards.shape[1];
        var columns = new Tensor[length];
        var next = zeros_like(rewards.select(1, 0));                            // Â_{t+1}, (B)
        var nextValue = zeros_like(next);                                       // V_{t+1}, 0 past the end
        for (var t = length - 1; t >= 0; t--)
        {
            var mt = m.select(1, t);
            var delta = rewards.select(1, t) + gamma * nextValue - v.select(1, t);
            next = (delta + gamma * lambda * next) * mt;
            columns[t] = next;
            nextValue = v.select(1, t);
        }
        var advantages = stack(columns, 1);
        var returns = (advantages + v) * m;
        return (advantages.MoveToOuterDisposeScope(), returns.MoveToOuterDisposeScope());
    }
}
