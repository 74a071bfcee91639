namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// One point of an over-optimisation curve (Gao et al. 2023): after <see cref="Step"/> steps, the mean gold utility and
/// proxy reward of the policy's own samples and their KL to the SFT policy (sequence-level k1, nats).
/// </summary>
public sealed record GrpoCurvePoint(int Step, double Gold, double Proxy, double Kl);
