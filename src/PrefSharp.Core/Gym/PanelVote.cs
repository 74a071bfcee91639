using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym;

/// <summary>
/// A pair shown <c>votes</c> times to a simulated panel (annotators taken round robin), the label being the majority:
/// the vote margin #A − #B. Dropping pairs whose |margin| is below a threshold is preference-strength filtering
/// (Wang et al. 2024, "Secrets of RLHF II", §2.1): a T = 1 Bradley–Terry annotator on a world with small utility gaps
/// agrees with gold barely above chance, while a 9-vote majority with margin ≥ 3 keeps the pairs whose preference is
/// clear (measured in docs/papers.md, "Gym reward models").
/// </summary>
public static class PanelVote
{
    /// <summary>#A − #B over <paramref name="votes"/> verdicts, the k-th by annotator (<paramref name="first"/> + k) mod count; ties count 0.</summary>
    public static int Margin(IWorld world, string prompt, string responseA, string responseB, IReadOnlyList<SimulatedAnnotator> annotators,
        int votes, Random random, int first = 0)
    {
        if (votes < 1) throw new ArgumentException($"votes must be ≥ 1 (got {votes})", nameof(votes));
        if (annotators.Count == 0) throw new ArgumentException("annotators: at least one annotator is needed", nameof(annotators));
        var margin = 0;
        for (var vote = 0; vote < votes; vote++)
        {
            var outcome = annotators[(first + vote) % annotators.Count].Judge(world, prompt, responseA, responseB, random);
            margin += outcome switch { BattleOutcome.A => 1, BattleOutcome.B => -1, _ => 0 };
        }
        return margin;
    }
}
