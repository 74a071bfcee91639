using PrefSharp.Torch.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// TR-DPO (Gorbatovski et al. 2024, "Learn Your Reference Model for Real Good Alignment", §3): update the reference
/// during training. Soft: θ_ref ← α·θ + (1 − α)·θ_ref every step; hard: θ_ref ← θ every τ steps. The paper's best
/// settings are around α = 0.6 (soft) and τ = 512 (hard); TRL: sync_ref_model, ref_model_mixup_alpha = 0.6,
/// ref_model_sync_steps = 512. The trainer calls <see cref="Apply"/> after each optimiser step.
/// </summary>
public static class ReferenceSync
{
    /// <summary>θ_ref ← α·θ + (1 − α)·θ_ref, parameter by parameter (same names and shapes required).</summary>
    public static void Soft(ICausalLM policy, ICausalLM reference, double alpha)
    {
        if (alpha is < 0 or > 1) throw new ArgumentException($"alpha must be in [0, 1], found {alpha}", nameof(alpha));
        using var noGrad = no_grad();
        var source = policy.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, target) in reference.Module.named_parameters())
        {
            if (!source.TryGetValue(name, out var value) || !value.shape.SequenceEqual(target.shape))
                throw new ArgumentException($"policy has no parameter '{name}' of shape [{string.Join(", ", target.shape)}]", nameof(policy));
            target.mul_(1 - alpha).add_(value.detach().to(target.dtype), alpha: alpha);
        }
    }

    /// <summary>θ_ref ← θ.</summary>
    public static void Hard(ICausalLM policy, ICausalLM reference) => Soft(policy, reference, 1.0);

    /// <summary>After optimiser step <paramref name="step"/> (1-based): soft update when α &lt; 1 every τ steps, copy when α = 1.</summary>
    public static bool Apply(ICausalLM policy, ICausalLM reference, long step, int syncSteps, double alpha)
    {
        if (syncSteps < 1) throw new ArgumentException($"syncSteps must be ≥ 1, found {syncSteps}", nameof(syncSteps));
        if (step % syncSteps != 0) return false;
        Soft(policy, reference, alpha);
        return true;
    }
}
