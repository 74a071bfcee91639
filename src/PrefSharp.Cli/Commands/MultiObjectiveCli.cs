using System.CommandLine;
using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// How <c>score</c> and <c>eval-rm</c> treat a multi-objective checkpoint (<c>prefsharp_reward_kind</c> =
/// "multi_objective"): the scalar is the gated ArmoRM reward, or with <c>--direction v</c> the DPA projection vᵀr/‖v‖.
/// A scalar model refuses <c>--direction</c>.
/// </summary>
internal static class MultiObjectiveCli
{
    /// <summary>The option both verbs share.</summary>
    public static Option<string?> DirectionOption() => new("--direction")
    {
        Description = "Multi-objective models: score along this direction over the objectives (DPA), e.g. 0.8,0.6; default: the gated reward",
    };

    /// <summary>True when the folder holds a multi-objective model; a scalar model with --direction is an error.</summary>
    public static bool Applies(string directory, string? direction) => RewardModelEvaluationRecipe.IsMultiObjective(directory, direction);

    /// <summary><c>score</c>: JSONL {"index", "reward_chosen", "reward_rejected", "objectives_chosen", "objectives_rejected"}.</summary>
    public static int Score(string directory, string? direction, IReadOnlyList<PreferencePair> pairs, int maxLength, int batchSize, TextWriter writer)
    {
        using var model = MultiObjectiveCheckpoint.Load(directory);
        var tokenizer = TokenizerFiles.Load(directory);
        var vector = direction is null ? null : PreferenceDirection.Parse(direction, model.Config.Objectives);
        var sequences = pairs.SelectMany(p => new[] { RewardInputs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength), RewardInputs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength) }).ToList();
        var scores = MultiObjectiveScorer.Score(model, sequences, vector, batchSize);
        JsonArray Objectives(int i) => new(scores.Objectives[i].Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        for (var i = 0; i < pairs.Count; i++)
            writer.WriteLine(new JsonObject
            {
                ["index"] = i, ["reward_chosen"] = scores.Scores[2 * i], ["reward_rejected"] = scores.Scores[2 * i + 1],
                ["objectives_chosen"] = Objectives(2 * i), ["objectives_rejected"] = Objectives(2 * i + 1),
            }.ToJsonString());
        return 0;
    }
}
