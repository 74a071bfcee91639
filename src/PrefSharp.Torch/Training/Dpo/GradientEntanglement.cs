using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Gradient entanglement per pair (Yuan et al. 2024, "A Common Pitfall of Margin-based Language Model Alignment:
/// Gradient Entanglement", §3; see <see cref="PairEntanglement"/>): for each pair of a batch, the gradients of its own
/// chosen and rejected log-probs, so that a pair whose chosen likelihood the next step lowers shows as that pair, not
/// hidden in one cosine of batch-summed gradients.
/// </summary>
public static class GradientEntanglement
{
    /// <summary>
    /// One <see cref="PairEntanglement"/> per pair: per pair a forward pass of its two rows and two backward passes
    /// (each through that pair's graph only, not the batch's); leaves no gradients behind.
    /// </summary>
    public static IReadOnlyList<PairEntanglement> PerPair(ICausalLM policy, PairBatch batch)
    {
        var parameters = policy.Module.parameters().Where(p => p.requires_grad).ToArray();
        var pairs = new List<PairEntanglement>((int)batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            using var pairScope = NewDisposeScope();
            SequenceBatch Row(SequenceBatch side) => new(side.InputIds.narrow(0, i, 1), side.AttentionMask.narrow(0, i, 1), side.LossMask.narrow(0, i, 1));
            var forward = PairForward.Compute(policy, new PairBatch(Row(batch.Chosen), Row(batch.Rejected)));
            var chosen = FlatGradient(forward.Chosen.PerSequence[0], parameters);
            var rejected = FlatGradient(forward.Rejected.PerSequence[0], parameters);
            pairs.Add(new PairEntanglement((chosen * rejected).sum().item<double>(), (chosen * chosen).sum().item<double>(),
                (rejected * rejected).sum().item<double>()));
        }
        return pairs;
    }

    /// <summary>
    /// The logged summary of <see cref="PerPair"/>: mean per-pair cosine, and the shares of pairs whose chosen
    /// likelihood the step lowers and whose rejected likelihood it raises.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, double>> Summary(ICausalLM policy, PairBatch batch)
    {
        var pairs = PerPair(policy, batch);
        return
        [
            new("gradient_entanglement/cosine", pairs.Average(p => p.Cosine)),
            new("gradient_entanglement/chosen_falls", pairs.Average(p => p.ChosenFalls ? 1.0 : 0.0)),
            new("gradient_entanglement/rejected_rises", pairs.Average(p => p.RejectedRises ? 1.0 : 0.0)),
        ];
    }

    private static Tensor FlatGradient(Tensor logProb, TorchSharp.Modules.Parameter[] parameters)
    {
        var gradients = autograd.grad([logProb], parameters, retain_graph: true, allow_unused: true);
        return cat(gradients.Select((g, i) => (g is null ? zeros_like(parameters[i]) : g).reshape(-1).to(ScalarType.Float64)).ToList());
    }
}
