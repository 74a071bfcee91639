using System.Globalization;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Optimization;

/// <summary>
/// Adam with decoupled weight decay (AdamW; Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay Regularization",
/// Algorithm 2), written in tensor ops so that its whole state (step count, first and second moments) can be saved and
/// restored bit for bit (<see cref="AdamW.SaveState"/>). For each parameter θ with gradient g, at step t:
/// <code>
/// θ ← θ − η·λ·θ                                  (decoupled decay, only where the parameter is decayed)
/// m ← β₁·m + (1 − β₁)·g        v ← β₂·v + (1 − β₂)·g²
/// θ ← θ − η · (m / (1 − β₁ᵗ)) / (√v / √(1 − β₂ᵗ) + ε)
/// </code>
/// where η is the scheduled learning rate (the paper's η_t·α; the decay is multiplied by η as in PyTorch's AdamW, so
/// λ is PyTorch's <c>weight_decay</c>). Paper defaults: β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
/// Departure: decay applies only to parameters of rank ≥ 2 (matrices and embeddings), not to biases and norm gains,
/// the usual practice for transformers (GPT-2/nanoGPT, Hugging Face's trainer).
/// Parameters held in bfloat16 or float16 are updated through a float32 master copy with float32 moments and a float32
/// gradient accumulator (<see cref="AdamWSlot"/>; Micikevicius et al. 2018, §3.1); the parameter receives the rounded master.
/// </summary>
public sealed partial class AdamW : IDisposable
{
    private readonly List<AdamWSlot> slots;

    /// <summary>Optimises the named <paramref name="parameters"/> (those with <c>requires_grad</c>).</summary>
    public AdamW(IEnumerable<(string Name, Parameter Parameter)> parameters, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0.01)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        slots = parameters.Where(p => p.Parameter.requires_grad).Select(p => new AdamWSlot(p.Name, p.Parameter)).ToList();
        if (slots.Count == 0) throw new ArgumentException("no trainable parameters to optimise", nameof(parameters));
    }

    public double Beta1 { get; }
    public double Beta2 { get; }
    public double Epsilon { get; }
    public double WeightDecay { get; }

    /// <summary>Optimiser steps taken so far (t of the bias corrections).</summary>
    public long StepCount { get; private set; }

    /// <summary>The optimised parameters.</summary>
    public IEnumerable<Parameter> Parameters => slots.Select(s => s.Parameter);

    /// <summary>
    /// The gradient of every parameter that has one, as the update will use it: float32 (the accumulated master gradient)
    /// for reduced-precision parameters. Clip these, not the parameters' own.
    /// </summary>
    public IReadOnlyList<Tensor> Gradients
    {
        get
        {
            AccumulateGradients();
            return slots.Select(s => s.Gradient).OfType<Tensor>().ToList();
        }
    }

    /// <summary>
    /// Moves the gradients of reduced-precision parameters into their float32 accumulators (call after every backward
    /// pass, so that accumulation over micro-batches happens in float32); float32 parameters keep theirs.
    /// </summary>
    public void AccumulateGradients()
    {
        foreach (var slot in slots) slot.AccumulateGradient();
    }

    /// <summary>Multiplies every gradient by <paramref name="factor"/> (undoing a loss scale).</summary>
    public void ScaleGradients(double factor)
    {
        using var noGrad = no_grad();
        foreach (var gradient in Gradients) gradient.mul_(factor);
    }

    /// <summary>The optimised parameters with their names in the module.</summary>
    public IEnumerable<(string Name, Parameter Parameter)> NamedParameters => slots.Select(s => (s.Name, s.Parameter));

    /// <summary>One update of every parameter that has a gradient, with learning rate <paramref name="learningRate"/>.</summary>
    public void Step(double learningRate)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        StepCount++;
        var biasCorrection1 = 1 - Math.Pow(Beta1, StepCount);
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, StepCount));
        AccumulateGradients();
        foreach (var slot in slots)
        {
            var grad = slot.Gradient;
            if (grad is null) continue;
            slot.EnsureMoments();
            var weight = slot.Weight;
            if (WeightDecay > 0 && weight.dim() >= 2) weight.mul_(1 - learningRate * WeightDecay);
            slot.ExpAvg!.mul_(Beta1).add_(grad, alpha: 1 - Beta1);
            slot.ExpAvgSq!.mul_(Beta2).addcmul_(grad, grad, value: 1 - Beta2);
            var denominator = (slot.ExpAvgSq.sqrt() / biasCorrection2Sqrt).add_(Epsilon);
            weight.addcdiv_(slot.ExpAvg, denominator, value: -learningRate / biasCorrection1);
            slot.PublishMaster();
        }
    }

    /// <summary>Drops every gradient (PyTorch's <c>set_to_none</c>): the next backward writes fresh ones instead of adding to zeros.</summary>
    public void ZeroGrad()
    {
        foreach (var slot in slots) slot.ZeroGrad();
    }

    public void Dispose()
    {
        foreach (var slot in slots) slot.Dispose();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
