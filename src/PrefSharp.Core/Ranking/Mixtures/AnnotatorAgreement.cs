using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Optimization;

namespace PrefSharp.Core.Ranking.Mixtures;

/// <summary>
/// Per-annotator agreement with the consensus Bradley–Terry model fitted on all battles: the (weighted) fraction of an
/// annotator's non-tie labels whose winner is the side the consensus predicts to win, i.e. sign(ScoreA − ½) =
/// sign(β_A − β_B); an exact consensus tie counts ½. Low agreement flags minority preferences (MaxMin-RLHF's
/// motivation, Chakraborty et al. 2024, §3) or noisy annotators. Sorted by ascending agreement.
/// </summary>
public static class AnnotatorAgreement
{
    public static IReadOnlyList<AnnotatorAgreementEntry> Compute(IReadOnlyList<Battle> battles, double l2Penalty = 1e-6)
    {
        var indexed = IndexedBattles.From(battles);
        var consensus = BradleyTerry.FitIndexed(indexed, l2Penalty).Ratings;
        var totals = new Dictionary<string, (int Count, double Weight, double Agree)>(StringComparer.Ordinal);
        for (int b = 0; b < indexed.Count; b++)
        {
            string annotator = indexed.Judge[b] ?? BradleyTerryMixture.UnknownAnnotator;
            totals.TryGetValue(annotator, out var t);
            double score = indexed.ScoreA[b];
            if (score != 0.5 && indexed.ItemA[b] != indexed.ItemB[b])
            {
                double predicted = consensus[indexed.ItemA[b]] - consensus[indexed.ItemB[b]];
                double agree = predicted == 0 ? 0.5 : (predicted > 0) == (score > 0.5) ? 1 : 0;
                t = (t.Count + 1, t.Weight + indexed.Weight[b], t.Agree + indexed.Weight[b] * agree);
            }
            totals[annotator] = t;
        }
        return totals.Select(kv => new AnnotatorAgreementEntry(kv.Key, kv.Value.Count,
                kv.Value.Weight > 0 ? kv.Value.Agree / kv.Value.Weight : double.NaN))
            .OrderBy(e => double.IsNaN(e.Agreement) ? 2 : e.Agreement).ThenBy(e => e.Annotator, StringComparer.Ordinal).ToList();
    }
}
