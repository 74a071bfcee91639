using System.Globalization;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Sampling;

/// <summary>
/// Gym data in PrefSharp's formats, so that everything downstream reads it as it reads real data.
/// Samples become TRL unpaired records <c>{prompt, completion, label}</c> whose label is KTO-style "desirable":
/// gold utility at least the mean of its prompt's responses; metadata keeps prompt_id, policy, gold_utility and world.
/// Judgements become TRL pairs (winner chosen, gold utilities as score_chosen/score_rejected, the annotator id, the
/// prompt id as id, the policies as chosen_model/rejected_model) or battles between policies.
/// </summary>
public static class GymRecords
{
    public const string PromptIdKey = "prompt_id";
    public const string PolicyKey = "policy";
    public const string GoldKey = "gold_utility";
    public const string WorldKey = "world";

    public static IEnumerable<UnpairedJudgement> ToUnpaired(IWorld world, IReadOnlyList<GymSample> samples)
    {
        var means = samples.GroupBy(s => s.PromptId).ToDictionary(g => g.Key, g => g.Average(s => s.GoldUtility));
        return samples.Select(s => new UnpairedJudgement(Passage.FromText(s.Prompt), Passage.FromText(s.Response), s.GoldUtility >= means[s.PromptId])
        {
            Source = world.Name,
            Metadata = new Dictionary<string, string>
            {
                [PromptIdKey] = s.PromptId,
                [PolicyKey] = s.Policy,
                [GoldKey] = s.GoldUtility.ToString("R", CultureInfo.InvariantCulture),
                [WorldKey] = world.Name,
            },
        });
    }

    /// <summary>
    /// Samples from records read back (unpaired judgements; pairs contribute both responses). The gold utility is
    /// recomputed by <paramref name="world"/>, the truth; a missing prompt id groups by prompt text, a missing policy is "unknown".
    /// </summary>
    public static IReadOnlyList<GymSample> FromRecords(IWorld world, IEnumerable<PreferenceRecord> records)
    {
        var samples = new List<GymSample>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        string IdOf(string prompt, string? given) => given ?? (ids.TryGetValue(prompt, out var id) ? id : ids[prompt] = $"p{ids.Count:D5}");
        void Add(Passage prompt, Passage response, string? promptId, string? policy)
        {
            var promptText = prompt.ToPlainText();
            var responseText = response.ToPlainText();
            samples.Add(new GymSample(IdOf(promptText, promptId), promptText, responseText, policy ?? "unknown", world.GoldUtility(promptText, responseText)));
        }
        foreach (var record in records)
        {
            switch (record)
            {
                case UnpairedJudgement u:
                    Add(u.Prompt, u.Completion, Meta(u, PromptIdKey), Meta(u, PolicyKey));
                    break;
                case PreferencePair p:
                    Add(p.Prompt, p.Chosen, p.Id, p.ChosenModel);
                    Add(p.Prompt, p.Rejected, p.Id, p.RejectedModel);
                    break;
                default:
                    throw new DataFormatException(record.Location, null, $"a {record.GetType().Name} holds no responses to annotate",
                        "prompt/completion records (prefsharp gym sample writes them) or preference pairs");
            }
        }
        return samples;
    }

    /// <summary>Pairs: the winner is chosen; a tie keeps A as chosen and sets IsTie.</summary>
    public static IEnumerable<PreferencePair> ToPairs(IWorld world, IEnumerable<GymJudgement> judgements) => judgements.Select(j =>
    {
        var (chosen, rejected) = j.Outcome == BattleOutcome.B ? (j.B, j.A) : (j.A, j.B);
        return new PreferencePair(Passage.FromText(chosen.Prompt), Passage.FromText(chosen.Response), Passage.FromText(rejected.Response))
        {
            ScoreChosen = chosen.GoldUtility,
            ScoreRejected = rejected.GoldUtility,
            IsTie = j.Outcome is BattleOutcome.Tie or BattleOutcome.TieBothBad,
            AnnotatorId = j.AnnotatorId,
            Source = world.Name,
            Id = chosen.PromptId,
            ChosenModel = chosen.Policy,
            RejectedModel = rejected.Policy,
        };
    });

    /// <summary>Battles between policies with texts and the judge; pairs of one policy with itself are left out (they cannot rank).</summary>
    public static IEnumerable<Battle> ToBattles(IEnumerable<GymJudgement> judgements) => judgements
        .Where(j => j.A.Policy != j.B.Policy)
        .Select(j => new Battle(j.A.Policy, j.B.Policy, j.Outcome)
        {
            Judge = j.AnnotatorId,
            QuestionId = j.A.PromptId,
            Prompt = Passage.FromText(j.A.Prompt),
            TextA = Passage.FromText(j.A.Response),
            TextB = Passage.FromText(j.B.Response),
            Metadata = new Dictionary<string, string>
            {
                ["gold_a"] = j.A.GoldUtility.ToString("R", CultureInfo.InvariantCulture),
                ["gold_b"] = j.B.GoldUtility.ToString("R", CultureInfo.InvariantCulture),
            },
        });

    private static string? Meta(PreferenceRecord record, string key) => record.Metadata?.GetValueOrDefault(key);
}
