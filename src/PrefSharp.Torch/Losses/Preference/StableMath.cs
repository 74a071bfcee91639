using static TorchSharp.torch;

namespace PrefSharp.Torch.Losses.Preference;

/// <summary>Numerically stable pieces shared by the preference losses (finite for arguments up to ±1e4 and beyond).</summary>
public static class StableMath
{
    /// <summary>Largest exponent <see cref="CappedExp"/> lets through: e^40 ≈ 2.4e17 keeps sums of losses finite in float32.</summary>
    public const double ExpCap = 40.0;

    /// <summary>log σ(x) = −softplus(−x).</summary>
    public static Tensor LogSigmoid(Tensor x) => nn.functional.logsigmoid(x);

    /// <summary>exp(min(x, <see cref="ExpCap"/>)), as TRL's cap_exp (which caps at the dtype's largest exponent).</summary>
    public static Tensor CappedExp(Tensor x) => x.clamp_max(ExpCap).exp();

    /// <summary>
    /// log(1 − eᵃ) for a &lt; 0 (Mächler 2012): log(−expm1(a)) above −ln 2, log1p(−eᵃ) below. Each branch sees only
    /// inputs from its own side, so the gradient of the branch not taken is finite; a is clamped to ≤ −1e-6.
    /// </summary>
    public static Tensor Log1mExp(Tensor a)
    {
        var safe = a.clamp_max(-1e-6);
        var near = safe.clamp_min(-Math.Log(2));
        var far = safe.clamp_max(-Math.Log(2));
        return where(safe > -Math.Log(2), near.expm1().neg().log(), far.exp().neg().log1p());
    }

    /// <summary>Per-token mean: <paramref name="sum"/> / max(<paramref name="tokens"/>, 1).</summary>
    public static Tensor PerToken(Tensor sum, Tensor tokens) => sum / tokens.to(sum.dtype).clamp_min(1.0);
}
