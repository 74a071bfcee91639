namespace PrefSharp.Core.Gym.Worlds;

/// <summary>
/// A world whose gold utilities are linear in named attributes of a response: for every group g (null: the
/// population) u_g(x, y) = Σ_a w_{g,a} · a(x, y) exactly, for ANY response (an empty one included). The attributes are
/// oriented as "goods" (higher is better for the population), so the population's weights are non-negative and a
/// non-negative mixture (ArmoRM's gate) can represent the gold; a group may weigh an attribute negatively, which only a
/// signed direction (DPA) can represent. These are the per-attribute ratings multi-objective reward models learn from.
/// </summary>
public interface IAttributedWorld : IWorld
{
    /// <summary>The attribute names, in the order of <see cref="Attributes"/> and <see cref="AttributeWeights"/>.</summary>
    IReadOnlyList<string> AttributeNames { get; }

    /// <summary>The attribute values a(x, y) of <paramref name="response"/> to <paramref name="prompt"/> (never throws).</summary>
    double[] Attributes(string prompt, string response);

    /// <summary>The weights w_g of <paramref name="group"/> (null: the population's gold); the error names the groups.</summary>
    IReadOnlyList<double> AttributeWeights(string? group);
}
