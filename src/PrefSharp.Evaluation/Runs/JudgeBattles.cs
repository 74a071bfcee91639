using PrefSharp.Core.Data;

namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// Judged questions as PrefSharp battles, one per verdict: item A is the output shown first, the outcome the
/// verdict, a strong verdict (<c>[[A&gt;&gt;B]]</c>, <c>[[B&gt;&gt;A]]</c>) weighted 3 as Arena-Hard counts it
/// (lmarena/arena-hard-auto <c>show_result.py</c>, <c>get_battles_from_judgment(…, WEIGHT=3)</c> repeats a strong
/// battle three times), style features of both outputs for style control (<see cref="MarkdownStyle"/>), and in the
/// metadata the order (<c>baseline_first</c> or <c>model_first</c>), the verdict label and its strength.
/// Questions without a verdict give no battle.
/// </summary>
public static class JudgeBattles
{
    /// <summary>Arena-Hard's weight of a strong verdict.</summary>
    public const double StrongWeight = 3;

    public static IEnumerable<Battle> From(IEnumerable<JudgedQuestion> judged, string judge)
    {
        foreach (var (question, verdict) in judged)
        {
            if (verdict is null) continue;
            var outcome = verdict.FirstWins switch { 1 => BattleOutcome.A, 0 => BattleOutcome.B, _ => BattleOutcome.Tie };
            yield return new Battle(question.First.Generator, question.Second.Generator, outcome)
            {
                Weight = verdict.Strong ? StrongWeight : 1,
                Judge = judge,
                QuestionId = question.Model.QuestionId,
                StyleA = MarkdownStyle.Of(question.First.Output),
                StyleB = MarkdownStyle.Of(question.Second.Output),
                Metadata = new Dictionary<string, string>
                {
                    ["order"] = question.BaselineFirst ? "baseline_first" : "model_first",
                    ["verdict"] = verdict.Label,
                    ["strength"] = verdict.Strength,
                },
            };
        }
    }
}
