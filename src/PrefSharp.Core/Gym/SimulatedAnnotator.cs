using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym;

/// <summary>
/// A simulated labeller that compares two responses by their gold utilities, as in the synthetic
/// gold-reward setups of Gao et al. (2023) and Coste et al. (2023):
/// <list type="number">
/// <item>the gap: u_A − u_B, or on a world <see cref="IWorld.PreferenceMargin"/> of the annotator's <see cref="Group"/>,
/// plus <see cref="LengthBias"/> per character that A is longer than B;</item>
/// <item>position bias: the first-shown response gets <see cref="PositionBias"/> added to its utility;</item>
/// <item>a tie when the (biased) utilities differ by less than <see cref="TieMargin"/>;</item>
/// <item>otherwise Bradley–Terry: A wins with probability σ((u_A − u_B) / <see cref="Temperature"/>)
/// (temperature 0 always picks the better response);</item>
/// <item>finally the verdict is flipped with probability <see cref="FlipRate"/> (label noise).</item>
/// </list>
/// </summary>
public sealed record SimulatedAnnotator(string Id)
{
    /// <summary>Softness of the Bradley–Terry choice, in utility units; 0 means a perfect judge. Default 1.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Probability of reporting the opposite verdict (ties are not flipped). Default 0.</summary>
    public double FlipRate { get; init; }

    /// <summary>Utility gaps below this are reported as ties. Default 0 (no ties).</summary>
    public double TieMargin { get; init; }

    /// <summary>Utility bonus of the response shown first (position A). Default 0.</summary>
    public double PositionBias { get; init; }

    /// <summary>Utility bonus per character that a response is longer than the other (verbosity bias). Default 0.</summary>
    public double LengthBias { get; init; }

    /// <summary>The world's annotator group whose utility this annotator uses; null: the gold utility. Default null.</summary>
    public string? Group { get; init; }

    /// <summary>The verdict on A (utility <paramref name="utilityA"/>) against B.</summary>
    public BattleOutcome Judge(double utilityA, double utilityB, Random random) => JudgeGap(utilityA - utilityB, random);

    /// <summary>The verdict on response A against B for <paramref name="prompt"/> in <paramref name="world"/> (A shown first).</summary>
    public BattleOutcome Judge(IWorld world, string prompt, string responseA, string responseB, Random random) =>
        JudgeGap(Gap(world, prompt, responseA, responseB), random);

    /// <summary>The annotator's utility gap of A over B before position bias: the group's margin plus the length bias.</summary>
    public double Gap(IWorld world, string prompt, string responseA, string responseB) =>
        world.PreferenceMargin(prompt, responseA, responseB, Group) + LengthBias * (responseA.Length - responseB.Length);

    /// <summary>The verdict for a utility gap u_A − u_B (position bias, ties, Bradley–Terry choice and flips applied here).</summary>
    public BattleOutcome JudgeGap(double utilityGap, Random random)
    {
        Validate();
        var gap = utilityGap + PositionBias;
        if (Math.Abs(gap) < TieMargin) return BattleOutcome.Tie;
        var aWins = Temperature == 0 ? gap > 0 || (gap == 0 && random.NextDouble() < 0.5)
            : random.NextDouble() < ProbabilityAWins(gap);
        if (random.NextDouble() < FlipRate) aWins = !aWins;
        return aWins ? BattleOutcome.A : BattleOutcome.B;
    }

    /// <summary>σ(gap / temperature), the Bradley–Terry probability before label flips.</summary>
    public double ProbabilityAWins(double gap) => Temperature == 0
        ? (gap > 0 ? 1 : gap < 0 ? 0 : 0.5)
        : 1.0 / (1.0 + Math.Exp(-gap / Temperature));

    private void Validate()
    {
        if (!(Temperature >= 0)) throw new ArgumentException($"{nameof(Temperature)} must be ≥ 0 (got {Temperature})");
        if (!(FlipRate is >= 0 and <= 0.5)) throw new ArgumentException($"{nameof(FlipRate)} must be in [0, 0.5] (got {FlipRate})");
        if (!double.IsFinite(PositionBias)) throw new ArgumentException($"{nameof(PositionBias)} must be finite (got {PositionBias})");
        if (!double.IsFinite(LengthBias)) throw new ArgumentException($"{nameof(LengthBias)} must be finite (got {LengthBias})");
        if (!(TieMargin >= 0)) throw new ArgumentException($"{nameof(TieMargin)} must be ≥ 0 (got {TieMargin})");
    }
}
