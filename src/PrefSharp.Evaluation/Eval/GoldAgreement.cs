using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Active;
using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// How well a judged leaderboard recovers the truth where the truth is known: each model's mean gold utility over its
/// answers, and Kendall's τ between that and the ratings (plain and style-controlled); 1 is the true order.
/// </summary>
public sealed record GoldAgreement(IReadOnlyDictionary<string, double> MeanGold, double Tau, double StyleControlledTau)
{
    public static GoldAgreement Of(IReadOnlyList<ModelOutput> outputs, Func<string, string, double> gold, Leaderboard ratings, Leaderboard styleControlled)
    {
        var meanGold = outputs.GroupBy(o => o.Generator, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(o => gold(o.Instruction, o.Output)), StringComparer.Ordinal);
        var names = ratings.Items.Select(i => i.Name).ToList();
        var truth = names.Select(n => meanGold[n]).ToList();
        return new GoldAgreement(meanGold,
            RankingDistance.KendallTau(truth, names.Select(n => ratings[n].Rating).ToList()),
            RankingDistance.KendallTau(truth, names.Select(n => styleControlled[n].Rating).ToList()));
    }
}
