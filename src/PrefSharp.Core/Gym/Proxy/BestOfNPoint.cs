namespace PrefSharp.Core.Gym.Proxy;

/// <summary>Best-of-n against a proxy: n, the analytic KL from the base policy, and the mean gold and proxy of the picks.</summary>
public sealed record BestOfNPoint(int N, double Kl, double GoldUtility, double ProxyReward);
