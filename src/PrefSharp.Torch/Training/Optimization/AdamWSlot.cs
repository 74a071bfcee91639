using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Optimization;

/// <summary>
/// One optimised parameter and its state, all created lazily outside any dispose scope: the moments at its first
/// update and, when the parameter is held in bfloat16 or float16, a float32 master copy and a float32 gradient
/// accumulator (mixed-precision training, Micikevicius et al. 2018, "Mixed Precision Training", §3.1: the update is
/// applied to the float32 master, which is then rounded into the parameter, so that updates smaller than the
/// parameter's spacing are not lost).
/// </summary>
internal sealed class AdamWSlot(string name, Parameter parameter) : IDisposable
{
    public string Name { get; } = name;
    public Parameter Parameter { get; } = parameter;
    public Tensor? ExpAvg { get; set; }
    public Tensor? ExpAvgSq { get; set; }

    /// <summary>The float32 copy the update is applied to; null while the parameter is float32 itself (or not yet updated).</summary>
    public Tensor? Master { get; private set; }

    /// <summary>The float32 sum of the gradients accumulated since the last <see cref="ZeroGrad"/> (reduced-precision parameters only).</summary>
    public Tensor? MasterGrad { get; private set; }

    /// <summary>True when the parameter is bfloat16 or float16, so the slot keeps a float32 master.</summary>
    public bool HasMaster => Parameter.dtype is ScalarType.BFloat16 or ScalarType.Float16;

    /// <summary>The tensor the update is applied to: the master, else the parameter.</summary>
    public Tensor Weight => HasMaster ? EnsureMaster() : Parameter;

    /// <summary>The gradient of <see cref="Weight"/>: the float32 accumulator, else the parameter's own; null when there is none.</summary>
    public Tensor? Gradient => HasMaster ? MasterGrad : Parameter.grad;

    /// <summary>Adds the parameter's gradient into the float32 accumulator and drops it (a no-op for float32 parameters).</summary>
    public void AccumulateGradient()
    {
        if (!HasMaster || Parameter.grad is not { } grad) return;
        using var noGrad = no_grad();
        if (MasterGrad is null) MasterGrad = grad.to(ScalarType.Float32, copy: true).DetachFromDisposeScope();
        else MasterGrad.add_(grad);
        Parameter.grad = null;
    }

    /// <summary>Drops the parameter's gradient and the accumulated one.</summary>
    public void ZeroGrad()
    {
        Parameter.grad = null;
        MasterGrad?.Dispose();
        MasterGrad = null;
    }

    /// <summary>Rounds the master into the parameter after an update (a no-op without a master).</summary>
    public void PublishMaster()
    {
        if (Master is null) return;
        using var noGrad = no_grad();
        Parameter.copy_(Master);
    }

    /// <summary>Fills the master through <paramref name="read"/> (a restored optimiser state) and rounds it into the parameter.</summary>
    public void RestoreMaster(Action<Tensor> read)
    {
        read(EnsureMaster());
        PublishMaster();
    }

    /// <summary>The master, created from the parameter's current values at first use.</summary>
    public Tensor EnsureMaster()
    {
        if (Master is not null) return Master;
        using var noGrad = no_grad();
        Master = Parameter.detach().to(ScalarType.Float32, copy: true).DetachFromDisposeScope();
        return Master;
    }

    public void EnsureMoments()
    {
        if (ExpAvg is not null) return;
        ExpAvg = zeros_like(Weight).DetachFromDisposeScope();
        ExpAvgSq = zeros_like(Weight).DetachFromDisposeScope();
    }

    /// <summary>Drops the moments (a state restore replaces them).</summary>
    public void ResetMoments()
    {
        ExpAvg?.Dispose();
        ExpAvgSq?.Dispose();
        ExpAvg = ExpAvgSq = null;
    }

    public void Dispose()
    {
        ResetMoments();
        Master?.Dispose();
        MasterGrad?.Dispose();
    }
}
