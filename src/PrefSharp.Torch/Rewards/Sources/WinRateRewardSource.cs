using PrefSharp.Core.Judging;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Sources;

/// <summary>
/// Pairwise rewards for Pref-GRPO (Wang et al. 2025, method section): each completion's reward is its win rate
/// w_i = (1/(G − 1)) Σ_{j≠i} P(y_i ≻ y_j) against the other completions of its group (<see cref="GroupWinRate"/>).
/// P comes from a Bradley–Terry preference model over a pointwise scorer (<see cref="BradleyTerry"/>: σ((r_i − r_j)/T)),
/// from any probability function such as a simulated annotator (<see cref="FromPreference"/>), or from a judge
/// (<see cref="FromJudge"/>, all G(G − 1)/2 pairs asked). Over samples of the policy itself this is the self-play reward
/// of SPO (Swamy et al. 2024, "A Minimaximalist Approach to RLHF", Alg. 1: each sample's reward is its win rate against
/// the other samples of its group), whose fixed point is the maximal lottery of P (tested in <c>AnswerGameTests</c>);
/// <c>grpo --pairwise</c> runs SPO with GRPO's group advantages in place of the paper's PPO.
/// </summary>
public sealed class WinRateRewardSource : IGroupRewardSource
{
    private readonly Func<IReadOnlyList<CompletionGroup>, (Tensor Preferences, double[]? Pointwise)>? matrix;
    private readonly IPairwiseJudge? judge;

    private WinRateRewardSource(string name, Func<IReadOnlyList<CompletionGroup>, (Tensor, double[]?)>? matrix, IPairwiseJudge? judge)
    {
        Name = name;
        this.matrix = matrix;
        this.judge = judge;
    }

    public string Name { get; }

    public bool IsPairwise => true;

    /// <summary>P(i ≻ j) = σ((r_i − r_j)/T) from a pointwise source (Bradley and Terry 1952); T &gt; 0.</summary>
    public static WinRateRewardSource BradleyTerry(IGroupRewardSource pointwise, double temperature = 1.0)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentException($"temperature must be finite and > 0, found {temperature}", nameof(temperature));
        return new($"bt-{pointwise.Name}", groups =>
        {
            var scores = pointwise.Score(groups).Rewards;
            using var r = tensor(scores).view(groups.Count, -1) / temperature;
            return (PairwisePreferences.BradleyTerry(r), scores);
        }, null);
    }

    /// <summary>
    /// P(i ≻ j) from a reward model's own preference (<see cref="PreferenceLogits.Groups"/>): the General Preference
    /// Model's σ(⟨R(x) v_i, v_j⟩ / β) (Zhang et al. 2024, Eq. 4–5; one forward per completion) for a GPM checkpoint,
    /// σ(r_i − r_j) for a scalar one; <paramref name="encode"/> turns (prompt, completion) into the sequence it reads.
    /// A GPM has no pointwise score, so <see cref="GroupScores.PointwiseScores"/> is null for it.
    /// </summary>
    public static WinRateRewardSource FromRewardModel(RewardModel model, Func<string, string, TokenizedSequence> encode, int batchSize = 16,
        string name = "rm") =>
        new($"{(model.Config.IsGeneralPreference ? "gpm" : "bt")}-{name}", groups =>
        {
            var sequences = groups.Select(g => (IReadOnlyList<TokenizedSequence>)g.Completions.Select(c => encode(g.Prompt, c)).ToList()).ToList();
            return (PreferenceLogits.Groups(model, sequences, batchSize), null);
        }, null);

    /// <summary>P(a ≻ b) from <paramref name="probability"/>(prompt, a, b) in [0, 1], asked once per unordered pair.</summary>
    public static WinRateRewardSource FromPreference(string name, Func<string, string, string, double> probability) =>
        new(name, groups =>
        {
            var size = groups[0].Completions.Count;
            var comparisons = groups.Select(g => (IReadOnlyList<PairComparison>)GroupWinRate.AllPairs(size)
                .Select(p => new PairComparison(p.First, p.Second, probability(g.Prompt, g.Completions[p.First], g.Completions[p.Second])))
                .ToList()).ToList();
            return (GroupWinRate.Matrix(comparisons, size), null);
        }, null);

    /// <summary>A pairwise judge (wrap it in a <see cref="PositionSwapJudge"/> against position bias).</summary>
    public static WinRateRewardSource FromJudge(IPairwiseJudge judge, string name = "judge") => new(name, null, judge);

    public GroupScores Score(IReadOnlyList<CompletionGroup> groups)
    {
        if (groups.Count == 0) throw new ArgumentException("no groups", nameof(groups));
        var size = groups[0].Completions.Count;
        if (size < 2 || groups.Any(g => g.Completions.Count != size))
            throw new ArgumentException($"win rates need groups of one size G ≥ 2, found [{string.Join(", ", groups.Select(g => g.Completions.Count))}]", nameof(groups));
        using var scope = NewDisposeScope();
        if (judge is not null)
        {
            var rates = JudgeWinRates.ComputeAsync(judge, groups.Select(g => g.Prompt).ToList(), groups.Select(g => g.Completions).ToList())
                .GetAwaiter().GetResult();
            return new GroupScores(rates.reshape(-1).to(ScalarType.Float64).data<double>().ToArray(), null);
        }
        var (preferences, pointwise) = matrix!(groups);
        var winRates = GroupWinRate.Compute(preferences.to(ScalarType.Float64));
        return new GroupScores(winRates.reshape(-1).data<double>().ToArray(), pointwise);
    }
}
