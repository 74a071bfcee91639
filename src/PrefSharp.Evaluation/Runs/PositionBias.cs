namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// How much the order sways the judge (Zheng et al. 2023, "Judging LLM-as-a-Judge", §3.3 position bias, Table 2
/// "consistency"): over the (instruction, model) pairs whose two orders both got a verdict, the fraction whose
/// winner (model, baseline or tie) changes when the order is swapped, and over all decisive verdicts the fraction
/// won by the response shown first (0.5 for a judge without position bias).
/// </summary>
public sealed record PositionBias(int Pairs, int Changed, int Decisive, int FirstWins)
{
    /// <summary>Changed / Pairs; NaN with no pairs.</summary>
    public double ChangedFraction => Pairs == 0 ? double.NaN : (double)Changed / Pairs;

    /// <summary>FirstWins / Decisive; NaN with no decisive verdicts.</summary>
    public double FirstWinRate => Decisive == 0 ? double.NaN : (double)FirstWins / Decisive;

    public static PositionBias Of(IReadOnlyList<JudgedQuestion> judged)
    {
        int pairs = 0, changed = 0, decisive = 0, firstWins = 0;
        foreach (var (_, verdict) in judged)
            if (verdict is { FirstWins: not 0.5 })
            {
                decisive++;
                if (verdict.FirstWins == 1) firstWins++;
            }
        foreach (var group in judged.GroupBy(j => (j.Question.Model.Generator, j.Question.Model.QuestionId)))
        {
            var modelWins = group.Where(j => j.Verdict is not null)
                .Select(j => j.Question.BaselineFirst ? 1 - j.Verdict!.FirstWins : j.Verdict!.FirstWins).ToList();
            if (modelWins.Count != 2) continue;
            pairs++;
            if (modelWins[0] != modelWins[1]) changed++;
        }
        return new PositionBias(pairs, changed, decisive, firstWins);
    }
}
