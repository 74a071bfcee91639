using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>score</c> on a General Preference Model, which has no scalar reward: the distinct completions of each prompt in the
/// file (both sides of every pair with that prompt) form a group, and each completion gets its mean win probability
/// against the others of its group (<see cref="PromptWinRates"/>). JSONL per pair:
/// {"index", "win_rate_chosen", "win_rate_rejected", "completions": G}.
/// </summary>
internal static class ScoreWinRates
{
    public static int Write(RewardModel model, ITokenizer tokenizer, IReadOnlyList<PreferencePair> pairs, int maxLength, int batchSize, TextWriter writer)
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
        for (var i = 0; i < pairs.Count; i++)
        {
            var b = groupOf[pairs[i].Prompt];
            var completions = groups[b].Completions;
            writer.WriteLine(new JsonObject
            {
                ["index"] = i,
                ["win_rate_chosen"] = rates[b][completions.IndexOf(pairs[i].Chosen)],
                ["win_rate_rejected"] = rates[b][completions.IndexOf(pairs[i].Rejected)],
                ["completions"] = completions.Count,
            }.ToJsonString());
        }
        return 0;
    }
}
