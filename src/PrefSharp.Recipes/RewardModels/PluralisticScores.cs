using System.Text.Json.Nodes;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// Rows of <c>score</c> for a pluralistic model: each completion's reward r_u(x, y) for user u (<see cref="PluralisticRewardModel.Rewards"/>),
/// u being <see cref="RewardScoringOptions.User"/> when given, else the pair's annotator; an annotator unknown to the
/// model gets ℓ = 0 (PAL's uniform mixture of prototypes; MiCRo's router alone). Rows add {"user"}.
/// </summary>
public static class PluralisticScores
{
    public static IReadOnlyList<JsonObject> Rows(RewardScoringOptions options)
    {
        if (options.Normalize) throw new ArgumentException("--normalize rescales one scalar reward; a pluralistic model has one per user (score writes them raw)");
        using var model = PluralisticCheckpoint.Load(options.ModelDirectory);
        if (options.User is { } named && model.Head.UserIndex(named) < 0)
            throw new ArgumentException($"--user: \"{named}\" is not among the model's {model.Head.Users.Count} annotators; expected one of {string.Join(", ", model.Head.Users.Take(10))}");
        var tokenizer = TokenizerFiles.Load(options.ModelDirectory);
        var users = options.Pairs.Select(p => options.User ?? p.AnnotatorId).ToList();
        var sides = options.Pairs.SelectMany((p, i) => new[]
        {
            (Sequence: RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, options.MaxLength), User: model.Head.UserIndex(users[i])),
            (Sequence: RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, options.MaxLength), User: model.Head.UserIndex(users[i])),
        }).ToList();
        var rewards = new List<double>();
        using (no_grad())
            foreach (var chunk in sides.Chunk(options.BatchSize))
            {
                using var scope = NewDisposeScope();
                using var batch = SequenceBatch.Collate(chunk.Select(c => c.Sequence).ToList(), model.Model.PadId);
                var logits = model.Head.UserLogits(tensor(chunk.Select(c => (long)c.User).ToArray(), ScalarType.Int64));
                rewards.AddRange(model.Rewards(batch, logits).to(ScalarType.Float64).cpu().data<double>().ToArray());
            }
        return [.. options.Pairs.Select((_, i) => new JsonObject
        {
            ["index"] = i, ["user"] = users[i], ["reward_chosen"] = rewards[2 * i], ["reward_rejected"] = rewards[2 * i + 1],
        })];
    }
}
