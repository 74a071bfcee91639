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
/// </summary>
public sealed partial class AdamW : IDisposable
{
    private readonly List<Slot> slots;

    /// <summary>Optimises the named <paramref name="parameters"/> (those with <c>requires_grad</c>).</summary>
    public AdamW(IEnumerable<(string Name, Parameter Parameter)> parameters, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0.01)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        slots = parameters.Where(p => p.Parameter.requires_grad).Select(p => new Slot(p.Name, p.Parameter)).ToList();
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
        foreach (var slot in slots)
        {
            var grad = slot.Parameter.grad;
            if (grad is null) continue;
            slot.EnsureMoments();
            if (WeightDecay > 0 && slot.Parameter.dim() >= 2) slot.Parameter.mul_(1 - learningRate * WeightDecay);
            slot.ExpAvg!.mul_(Beta1).add_(grad, alpha: 1 - Beta1);
            slot.ExpAvgSq!.mul_(Beta2).addcmul_(grad, grad, value: 1 - Beta2);
            var denominator = (slot.ExpAvgSq.sqrt() / biasCorrection2Sqrt).add_(Epsilon);
            slot.Parameter.addcdiv_(slot.ExpAvg, denominator, value: -learningRate / biasCorrection1);
        }
    }

    /// <summary>Drops every gradient (PyTorch's <c>set_to_none</c>): the next backward writes fresh ones instead of adding to zeros.</summary>
    public void ZeroGrad()
    {
        foreach (var slot in slots) slot.Parameter.grad = null;
    }

    public void Dispose()
    {
        foreach (var slot in slots) slot.Dispose();
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A parameter and its moments, created lazily (zeros) at its first update, outside any dispose scope.</summary>
    private sealed class Slot(string name, Parameter parameter) : IDisposable
    {
        public string Name { get; } = name;
        public Parameter Parameter { get; } = parameter;
        public Tensor? ExpAvg { get; set; }
        public Tensor? ExpAvgSq { get; set; }

        public void EnsureMoments()
        {
            if (ExpAvg is not null) return;
            ExpAvg = zeros_like(Parameter).DetachFromDisposeScope();
            ExpAvgSq = zeros_like(Parameter).DetachFromDisposeScope();
        }

        public void Dispose()
        {
            ExpAvg?.Dispose();
            ExpAvgSq?.Dispose();
        }
    }
}
