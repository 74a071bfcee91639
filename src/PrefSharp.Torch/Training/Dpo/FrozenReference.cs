using TorchSharp;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
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

    /// <summary>
    /// A new model with <paramref name="model"/>'s architecture, dtype, device and current weights (parameters and
    /// buffers copied), sharing no storage with it: the usual reference is the policy as it was before training.
    /// </summary>
    public static ICausalLM CopyOf(ICausalLM model)
    {
        var first = model.Module.parameters().First();
        var copy = CausalLM.Create(model.Config);
        copy.Module.to(first.dtype).to(first.device);
        using var noGrad = no_grad();
        var parameters = model.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, target) in copy.Module.named_parameters()) target.copy_(parameters[name]);
        var buffers = model.Module.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (name, target) in copy.Module.named_buffers())
            if (buffers.TryGetValue(name, out var source)) target.copy_(source);
        return copy;
    }

    /// <summary>The reference model (its parameters move only through <see cref="ReferenceSync"/>).</summary>
    public ICausalLM Model { get; }

    public (Tensor Chosen, Tensor Rejected) Compute(PairBatch batch)
    {
        using var scope = NewDisposeScope();
        var (chosen, rejected) = ComputePerToken(batch);
        return (chosen.PerSequence.MoveToOuterDisposeScope(), rejected.PerSequence.MoveToOuterDisposeScope());
    }

    public bool HasPerToken => true;

    public (TokenLogProbs Chosen, TokenLogProbs Rejected) ComputePerToken(PairBatch batch)
    {
        using var noGrad = no_grad();
        var forward = PairForward.Compute(Model, batch);
        return (forward.Chosen, forward.Rejected);
    }
}
