using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>A frozen copy of the model as reference: evaluation mode, parameters without gradient, forwards under no_grad.</summary>
public sealed class FrozenReference : IReferenceLogProbs
{
    /// <summary>Wraps <paramref name="model"/> (owned by the caller) and freezes it.</summary>
    public FrozenReference(ICausalLM model)
    {
        Model = model;
        Model.Module.eval();
        foreach (var parameter in Model.Module.parameters()) parameter.requires_grad = false;
    }

    /// <summary>The reference model (its parameters move only through <see cref="ReferenceSync"/>).</summary>
    public ICausalLM Model { get; }

    public (Tensor Chosen, Tensor Rejected) Compute(PairBatch batch)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var chosen = CompletionLogProbs.Compute(Model, batch.Chosen).LogProbs.PerSequence;
        var rejected = CompletionLogProbs.Compute(Model, batch.Rejected).LogProbs.PerSequence;
        return (chosen.MoveToOuterDisposeScope(), rejected.MoveToOuterDisposeScope());
    }
}
