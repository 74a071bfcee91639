using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// APO's momentum step (He, Yuan and Gu 2024, "Accelerated Preference Optimization for Large Language Model
/// Alignment", Alg. 1, the extrapolation line): after round t's proximal step π̂_{t+1} = argmin_π L_DPO(π; π_t),
/// the next round starts from
/// <code>π_{t+1}(y|x) ∝ π̂_{t+1}(y|x) · (π̂_{t+1}(y|x) / π̂_t(y|x))^α</code>
/// with π̂_0 = π_0. A network cannot represent that product exactly, so the extrapolation is taken in parameter space,
/// θ_{t+1} = θ̂_{t+1} + α·(θ̂_{t+1} − θ̂_t); for a policy whose log-probabilities are linear in θ up to normalisation
/// (a softmax over logits) the two are the same. The paper's α is 0.3 in its experiments (Sec. 5).
/// </summary>
public sealed class NesterovExtrapolation : IDisposable
{
    private readonly Dictionary<string, Tensor> previous = new(StringComparer.Ordinal);

    /// <param name="module">The policy as it starts (π̂_0 = π_0); its parameters are copied.</param>
    /// <param name="momentum">α in [0, 1).</param>
    public NesterovExtrapolation(nn.Module module, double momentum)
    {
        if (!(momentum >= 0 && momentum < 1)) throw new ArgumentException($"momentum must be in [0, 1), found {momentum}", nameof(momentum));
        Momentum = momentum;
        Remember(module);
    }

    /// <summary>α.</summary>
    public double Momentum { get; }

    /// <summary>
    /// <paramref name="module"/> holds π̂_{t+1} (the round's trained policy): it is remembered as the next round's π̂_t and
    /// replaced in place by θ̂_{t+1} + α·(θ̂_{t+1} − θ̂_t).
    /// </summary>
    public void Extrapolate(nn.Module module)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var proximal = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
        {
            if (!previous.TryGetValue(name, out var before))
                throw new ArgumentException($"the module has a parameter {name} that the first policy had not", nameof(module));
            proximal[name] = parameter.detach().clone().DetachFromDisposeScope();
            parameter.add_(parameter.detach() - before, Momentum);
        }
        Forget();
        foreach (var (name, tensor) in proximal) previous[name] = tensor;
    }

    private void Remember(nn.Module module)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in module.named_parameters())
            previous[name] = parameter.detach().clone().DetachFromDisposeScope();
    }

    private void Forget()
    {
        foreach (var tensor in previous.Values) tensor.Dispose();
        previous.Clear();
    }

    public void Dispose() => Forget();
}
