using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward;

/// <summary>
/// The Rao–Kupper threshold η as a trainable parameter, η = softplus(ρ) &gt; 0, registered beside the reward model in
/// <see cref="RewardTrainingModule"/> so the loop's optimiser fits it with the rewards (maximum likelihood of wins and
/// ties, Rao and Kupper 1967). Starts at the requested η.
/// </summary>
public sealed class TieThreshold : nn.Module
{
    private readonly TorchSharp.Modules.Parameter _raw;

    /// <summary>A threshold starting at <paramref name="initial"/> &gt; 0.</summary>
    public TieThreshold(double initial) : base(nameof(TieThreshold))
    {
        if (!(initial > 0) || double.IsInfinity(initial)) throw new ArgumentException($"the tie threshold must be finite and > 0, found {initial}", nameof(initial));
        _raw = new TorchSharp.Modules.Parameter(tensor(Math.Log(Math.Exp(initial) - 1), ScalarType.Float32));   // softplus⁻¹(η)
        register_parameter("raw", _raw);
    }

    /// <summary>η as a scalar tensor (differentiable).</summary>
    public Tensor Value => nn.functional.softplus(_raw);

    /// <summary>η as a number.</summary>
    public double Current
    {
        get
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            return Value.to(ScalarType.Float64).item<double>();
        }
    }
}
