using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards;

/// <summary>
/// Directional Preference Alignment (Wang et al. 2024, "Arithmetic Control of LLMs for Diverse User Preferences:
/// Directional Preference Alignment with Multi-Objective Rewards", §3): a user's preference is a unit vector v in
/// objective space and the scalar reward is the projection R = vᵀ r(x, y) of the multi-objective reward. With two
/// objectives (helpfulness, verbosity) v = (cos θ, sin θ), and changing θ at inference trades one for the other.
/// </summary>
public static class PreferenceDirection
{
    /// <summary>R = r · v/‖v‖: rewards (B, k), direction (k) → (B).</summary>
    public static Tensor Project(Tensor objectiveRewards, Tensor direction)
    {
        if (objectiveRewards.dim() != 2 || direction.dim() != 1 || direction.shape[0] != objectiveRewards.shape[1])
            throw new ArgumentException("rewards must be (B, k) and the direction (k)", nameof(direction));
        using var scope = NewDisposeScope();
        var norm = direction.norm();
        if (norm.to(ScalarType.Float64).item<double>() == 0) throw new ArgumentException("the preference direction must be non-zero", nameof(direction));
        return objectiveRewards.matmul(direction / norm).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A direction written on the command line ("0.8,0.6"): one finite number per objective, not all zero, returned as
    /// given (projection divides by the norm). Errors name <paramref name="option"/> and the objectives.
    /// </summary>
    public static double[] Parse(string text, IReadOnlyList<string> objectives, string option = "--direction")
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        var values = parts.Select(p => double.TryParse(p, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
        if (values.Length != objectives.Count || values.Any(double.IsNaN))
            throw new ArgumentException($"{option} must be {objectives.Count} comma-separated numbers, one per objective ({string.Join(", ", objectives)}), found \"{text}\"");
        if (values.All(v => v == 0)) throw new ArgumentException($"{option} must not be all zeros");
        return values;
    }

    /// <summary>The two-objective direction (cos θ, sin θ) for an angle in radians.</summary>
    public static Tensor FromAngle(double radians) => tensor(new[] { (float)Math.Cos(radians), (float)Math.Sin(radians) });
}
