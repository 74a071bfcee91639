using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// Scores from a General Preference Model, which has no scalar reward: the distinct completions of each prompt in the
/// file (both sides of every pair with that prompt) form a group, and each completion gets its mean win probability
/// against the others of its group (<see cref="PromptWinRates"/>). A row per pair:
/// {"index", "win_rate_chosen", "win_rate_rejected", "completions": G}.
/// </summary>
internal static class GroupWinRateScores
{
    public static IReadOnlyList<JsonObject> Rows(RewardModel model, ITokenizer tokenizer, IReadOnlyList<PreferencePair> pairs, int maxLength, int batchSize)
    {
        var groupOf = new Dictionary<Passage, int>();
        var groups = new List<(Passage Prompt, List<Passage> Completions)>();
        foreach (var pair in pairs)
        {
            if (!groupOf.TryGetValue(pair.Prompt, out var b))
            {
                groupOf[pair.Prompt] = b = groups.Count;
                groups.Add((pair.Prompt, []));
            }
            foreach (var completion in new[] { pair.Chosen, pair.Rejected })
                if (!groups[b].Completions.Contains(completion)) groups[b].Completions.Add(completion);
        }
        var sequences = groups.Select(g => (IReadOnlyList<TokenizedSequence>)g.Completions
            .Select(c => RewardPairs.Encode(tokenizer, g.Prompt, c, maxLength)).ToList()).ToList();
        var rates = PromptWinRates.Compute(model, sequences, batchSize);
        return [.. pairs.Select((pair, i) =>
        {
            var b = groupOf[pair.Prompt];
            var completions = groups[b].Completions;
            return new JsonObject
            {
                ["index"] = i,
                ["win_rate_chosen"] = rates[b][completions.IndexOf(pair.Chosen)],
                ["win_rate_rejected"] = rates[b][completions.IndexOf(pair.Rejected)],
                ["completions"] = completions.Count,
            };
        })];
    }
}
