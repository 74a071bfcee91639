using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Rewards.Sources;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// The gym's simulated annotators as a pairwise labeller of sampled responses: every unordered pair (i, j) of a
/// prompt's K responses is shown <c>votes</c> times to the panel (round robin from the pair's index in the call, A = the
/// first), each vote a Bradley–Terry choice with the annotator's biases (<see cref="SimulatedAnnotator.Judge(IWorld, string, string, string, Random)"/>);
/// P(i ≻ j) is the share of votes i won (a tie counts ½), and each response's score is its win rate over the group
/// (<see cref="GroupWinRate"/>). Identical responses are not shown (P = ½). For K = 2 the win-rate gap of the pair is
/// (votes for the winner − votes for the loser)/votes, so a margin filter of m/votes keeps the pairs whose majority has
/// at least m votes — preference-strength filtering (Wang et al. 2024, "Secrets of RLHF II", §2.1).
/// </summary>
public sealed class AnnotatorPanelSource : IGroupRewardSource
{
    private readonly IWorld world;
    private readonly IReadOnlyList<SimulatedAnnotator> annotators;
    private readonly Random random;
    private readonly int votes;

    /// <param name="random">The draws of the votes (shared with the caller, so a run is reproducible from one seed).</param>
    public AnnotatorPanelSource(IWorld world, IReadOnlyList<SimulatedAnnotator> annotators, Random random, int votes = 1)
    {
        if (votes < 1) throw new ArgumentException($"votes must be ≥ 1, found {votes}", nameof(votes));
        if (annotators.Count == 0) throw new ArgumentException("at least one annotator is needed", nameof(annotators));
        (this.world, this.annotators, this.random, this.votes) = (world, annotators, random, votes);
    }

    public string Name => $"gym-{world.Name}-annotators";

    public bool IsPairwise => true;

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        if (groups.Count == 0) throw new ArgumentException("no groups", nameof(groups));
        var size = groups[0].Completions.Count;
        if (size < 2 || groups.Any(g => g.Completions.Count != size))
            throw new ArgumentException($"win rates need groups of one size K ≥ 2, found [{string.Join(", ", groups.Select(g => g.Completions.Count))}]", nameof(groups));
        var pair = 0;
        var comparisons = groups.Select(g => (IReadOnlyList<PairComparison>)GroupWinRate.AllPairs(size)
            .Select(p => new PairComparison(p.First, p.Second, Vote(g.Prompt, g.Completions[p.First], g.Completions[p.Second], pair++)))
            .ToList()).ToList();
        using var scope = NewDisposeScope();
        var winRates = GroupWinRate.Compute(GroupWinRate.Matrix(comparisons, size).to(ScalarType.Float64));
        return new GroupScores(winRates.reshape(-1).data<double>().ToArray(), null);
    }

    /// <summary>The share of votes the first response won, ties counting ½: (#A + #T/2)/votes = (votes + margin)/(2·votes).</summary>
    private double Vote(string prompt, string first, string second, int pair) =>
        first == second ? 0.5 : (votes + PanelVote.Margin(world, prompt, first, second, annotators, votes, random, pair)) / (2.0 * votes);
}
