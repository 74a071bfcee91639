using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Shaping;

/// <summary>
/// Constrained multi-reward optimisation with one Lagrange multiplier per reward threshold (Moskovitz et al. 2024,
/// "Confronting Reward Model Overoptimization with Constrained RLHF", §4): maximise E[r_0] subject to
/// E[r_k] ≥ θ_k for k = 1..K. The policy is trained on the Lagrangian reward r_0 + Σ_k λ_k (r_k − θ_k), and after each
/// batch the multipliers take a projected gradient step on the dual, λ_k ← max(0, λ_k − η (mean r_k − θ_k)): a
/// violated constraint raises its weight, a satisfied one lets it decay to 0. The paper places θ_k at the component
/// RMs' "proxy points", where more of that reward stopped tracking the gold reward.
/// </summary>
public sealed class LagrangeMultipliers
{
    private readonly double[] _thresholds;
    private readonly double[] _lambdas;
    private readonly double _learningRate;

    /// <param name="thresholds">θ_k for the K constrained rewards.</param>
    /// <param name="learningRate">η of the dual step.</param>
    /// <param name="initial">λ_k at the start (default 0).</param>
    public LagrangeMultipliers(IReadOnlyList<double> thresholds, double learningRate, double initial = 0)
    {
        if (thresholds.Count == 0) throw new ArgumentException("need at least one threshold", nameof(thresholds));
        if (!(learningRate > 0) || double.IsInfinity(learningRate)) throw new ArgumentException($"must be finite and > 0, found {learningRate}", nameof(learningRate));
        if (!(initial >= 0)) throw new ArgumentException($"multipliers start ≥ 0, found {initial}", nameof(initial));
        _thresholds = [.. thresholds];
        _lambdas = Enumerable.Repeat(initial, thresholds.Count).ToArray();
        _learningRate = learningRate;
    }

    /// <summary>Current λ_k.</summary>
    public IReadOnlyList<double> Values => _lambdas;

    /// <summary>Sets λ_k to values saved earlier (a resumed run continues with the multipliers it stopped with).</summary>
    public void Restore(IReadOnlyList<double> values)
    {
        if (values.Count != _lambdas.Length || values.Any(v => !(v >= 0) || double.IsInfinity(v)))
            throw new ArgumentException($"need {_lambdas.Length} finite multipliers ≥ 0, found [{string.Join(", ", values)}]", nameof(values));
        for (var k = 0; k < _lambdas.Length; k++) _lambdas[k] = values[k];
    }

    /// <summary>The Lagrangian reward: objective (N) and constrained rewards (N, K) → r_0 + Σ_k λ_k (r_k − θ_k), (N).</summary>
    public Tensor Combine(Tensor objective, Tensor constrained)
    {
        if (constrained.dim() != 2 || constrained.shape[1] != _thresholds.Length || objective.dim() != 1 || objective.shape[0] != constrained.shape[0])
            throw new ArgumentException($"need objective (N) and constrained rewards (N, {_thresholds.Length}), found [{string.Join(", ", objective.shape)}] and [{string.Join(", ", constrained.shape)}]");
        using var scope = NewDisposeScope();
        var theta = tensor(_thresholds, constrained.dtype, constrained.device);
        var lambda = tensor(_lambdas, constrained.dtype, constrained.device);
        return (objective + ((constrained - theta) * lambda).sum(1)).MoveToOuterDisposeScope();
    }

    /// <summary>One dual step from the batch means of the constrained rewards (K values).</summary>
    public void Update(IReadOnlyList<double> meanRewards)
    {
        if (meanRewards.Count != _thresholds.Length) throw new ArgumentException($"{meanRewards.Count} means for {_thresholds.Length} constraints", nameof(meanRewards));
        for (var k = 0; k < _lambdas.Length; k++)
            _lambdas[k] = Math.Max(0, _lambdas[k] - _learningRate * (meanRewards[k] - _thresholds[k]));
    }
}
