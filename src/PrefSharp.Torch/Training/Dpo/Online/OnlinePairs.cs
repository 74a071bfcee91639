namespace PrefSharp.Torch.Training.Dpo.Online;

/// <summary>
/// Pair selection of an online round from the labeller's scores of K samples per prompt (rows grouped by prompt):
/// DNO's best-vs-worst with its margin filter, or RSO's rejection-sampled pairs (<see cref="PairSelection"/>). A pair is
/// dropped (counted as a tie) when its two responses are the same text, when the scores do not separate them, or when the
/// gap is below <c>minMargin</c>.
/// </summary>
public static class OnlinePairs
{
    /// <summary>Tolerance on the margin filter, so that a win-rate gap of exactly 3/9 passes a 3/9 threshold.</summary>
    private const double Slack = 1e-9;

    /// <summary>The pairs kept and the number dropped.</summary>
    /// <param name="responses">The sampled responses (text), for the identical-response rule.</param>
    /// <param name="scores">The labeller's score of each row.</param>
    /// <param name="rsoBeta">β of the rejection sampler (RSO only).</param>
    /// <param name="rsoAccepted">Samples accepted per prompt and paired in acceptance order (RSO only; even, ≥ 2).</param>
    public static (List<LabelledPair> Pairs, int Dropped) Select(IReadOnlyList<string> responses, IReadOnlyList<double> scores, int samplesPerPrompt,
        PairSelection selection, double minMargin, Random random, double rsoBeta = 0.1, int rsoAccepted = 2)
    {
        if (samplesPerPrompt < 2 || responses.Count != scores.Count || scores.Count % samplesPerPrompt != 0)
            throw new ArgumentException($"K = {samplesPerPrompt} samples per prompt must be ≥ 2 and divide the {scores.Count} scores of {responses.Count} responses", nameof(samplesPerPrompt));
        var pairs = new List<LabelledPair>();
        var dropped = 0;
        for (var prompt = 0; prompt < scores.Count / samplesPerPrompt; prompt++)
        {
            var rows = Enumerable.Range(prompt * samplesPerPrompt, samplesPerPrompt).ToList();
            foreach (var (a, b) in Candidates(rows, scores, selection, random, rsoBeta, rsoAccepted))
            {
                var (chosen, rejected) = scores[a] >= scores[b] ? (a, b) : (b, a);
                var margin = scores[chosen] - scores[rejected];
                if (responses[a] == responses[b] || !(margin > 0) || margin < minMargin - Slack) dropped++;
                else pairs.Add(new LabelledPair(prompt, chosen, rejected, margin));
            }
        }
        return (pairs, dropped);
    }

    private static IEnumerable<(int, int)> Candidates(List<int> rows, IReadOnlyList<double> scores, PairSelection selection, Random random, double rsoBeta, int rsoAccepted)
    {
        if (selection == PairSelection.BestWorst)
        {
            // first index wins ties, so equal scores give best = worst only when all are equal (then the pair is dropped)
            var best = rows.Aggregate((x, y) => scores[y] > scores[x] ? y : x);
            var worst = rows.Aggregate((x, y) => scores[y] < scores[x] ? y : x);
            if (best == worst) worst = rows.First(r => r != best);
            yield return (best, worst);
            yield break;
        }
        var accepted = RejectionSampling.Sample(rows.Select(r => scores[r]).ToList(), rsoBeta, rsoAccepted, random);
        for (var i = 0; i + 1 < accepted.Count; i += 2) yield return (rows[accepted[i]], rows[accepted[i + 1]]);
    }
}
