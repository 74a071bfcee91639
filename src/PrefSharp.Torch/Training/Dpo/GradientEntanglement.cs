using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Gradient entanglement (Yuan et al. 2024, "A Common Pitfall of Margin-based Language Model Alignment: Gradient
/// Entanglement"): the cosine between ∇θ Σ log πθ(y_w|x) and ∇θ Σ log πθ(y_l|x) over a batch. Near 1, pushing the
/// rejected log-prob down drags the chosen one with it (the cause of likelihood displacement).
/// </summary>
public static class GradientEntanglement
{
    /// <summary>cos(∇ chosen log-probs, ∇ rejected log-probs) over all trainable parameters; leaves no gradients behind.</summary>
    public static double Cosine(ICausalLM policy, PairBatch batch)
    {
        var parameters = policy.Module.parameters().Where(p => p.requires_grad).ToArray();
        var chosen = FlatGradient(policy, batch.Chosen, parameters);
        var rejected = FlatGradient(policy, batch.Rejected, parameters);
        using var scope = NewDisposeScope();
        var cosine = (chosen * rejected).sum() / (chosen.norm() * rejected.norm()).clamp_min(1e-30);
        var result = cosine.item<double>();
        chosen.Dispose();
        rejected.Dispose();
        return result;
    }

    private static Tensor FlatGradient(ICausalLM policy, SequenceBatch batch, TorchSharp.Modules.Parameter[] parameters)
    {
        using var scope = NewDisposeScope();
        var logProbs = CompletionLogProbs.Compute(policy, batch).LogProbs.PerSequence.sum();
        var gradients = autograd.grad([logProbs], parameters, allow_unused: true);
        var flat = cat(gradients.Select((g, i) => (g is null ? zeros_like(parameters[i]) : g).reshape(-1).to(ScalarType.Float64)).ToList());
        return flat.MoveToOuterDisposeScope();
    }
}
