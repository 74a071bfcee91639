using System.Text.Json.Nodes;
using PrefSharp.Torch.Rewards;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// Scores both completions of every pair with a reward model, one JSON row per pair:
/// a scalar model gives {"index", "reward_chosen", "reward_rejected"};
/// a General Preference Model, which has no scalar reward, each completion's win rate within its prompt (<see cref="GroupWinRateScores"/>);
/// a multi-objective model the gated ArmoRM reward, or its DPA projection vᵀr/‖v‖ along <see cref="RewardScoringOptions.Direction"/>,
/// with the objectives ({"objectives_chosen", "objectives_rejected"});
/// a pluralistic model (PAL, MiCRo) each user's reward (<see cref="PluralisticScores"/>);
/// an ensemble folder its members' normalised rewards combined as <see cref="RewardScoringOptions.Ensemble"/> says;
/// <c>cdr:STRONG,WEAK</c> or <c>flr:DIR</c> a likelihood reward (<see cref="LikelihoodRewardSpec"/>).
/// </summary>
public static class RewardScoringRecipe
{
    public static IReadOnlyList<JsonObject> Score(RewardScoringOptions options)
    {
        if (LikelihoodRewardSpec.Matches(options.ModelDirectory)) return Likelihood(options);
        if (RewardModelEvaluationRecipe.IsMultiObjective(options.ModelDirectory, options.Direction)) return MultiObjective(options);
        if (RewardEnsembleFolder.IsEnsemble(options.ModelDirectory)) return Ensemble(options);
        if (PluralisticCheckpoint.IsPluralistic(options.ModelDirectory)) return PluralisticScores.Rows(options);
        if (options.User is not null) throw new ArgumentException($"--user picks a user's mixture; {options.ModelDirectory} has one reward for everyone (train-rm --head pal or micro)");
        using var model = RewardCheckpoint.Load(options.ModelDirectory);
        var tokenizer = TokenizerFiles.Load(options.ModelDirectory);
        var pairs = options.Pairs;
        if (model.Config.IsGeneralPreference)
        {
            if (options.Normalize)
                throw new ArgumentException("--normalize rescales scalar rewards; a General Preference Model has none (score writes its win rates in [0, 1])");
            return GroupWinRateScores.Rows(model, tokenizer, pairs, options.MaxLength, options.BatchSize);
        }
        var sequences = pairs.SelectMany(p => new[]
        {
            RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, options.MaxLength),
            RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, options.MaxLength),
        }).ToList();
        var rewards = RewardScorer.Score(model, sequences, options.BatchSize, options.Normalize);
        return [.. pairs.Select((_, i) => new JsonObject { ["index"] = i, ["reward_chosen"] = rewards[2 * i], ["reward_rejected"] = rewards[2 * i + 1] })];
    }

    /// <summary>An ensemble folder: the members' normalised rewards combined by <see cref="RewardScoringOptions.Ensemble"/>.</summary>
    private static IReadOnlyList<JsonObject> Ensemble(RewardScoringOptions options)
    {
        using var ensemble = RewardEnsembleFolder.Load(options.ModelDirectory);
        var tokenizer = TokenizerFiles.Load(options.ModelDirectory);
        var sequences = options.Pairs.SelectMany(p => new[]
        {
            RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, options.MaxLength), RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, options.MaxLength),
        }).ToList();
        var rewards = RewardEnsembleFolder.Score(ensemble, sequences, options.Ensemble, options.BatchSize);
        return [.. options.Pairs.Select((_, i) => new JsonObject { ["index"] = i, ["reward_chosen"] = rewards[2 * i], ["reward_rejected"] = rewards[2 * i + 1] })];
    }

    /// <summary><c>cdr:STRONG,WEAK</c> or <c>flr:DIR</c>: a likelihood reward of each completion.</summary>
    private static IReadOnlyList<JsonObject> Likelihood(RewardScoringOptions options)
    {
        if (options.Normalize) throw new ArgumentException("--normalize rescales a reward model's rewards with its stored statistics; a likelihood reward has none", "--normalize");
        if (options.User is not null) throw new ArgumentException("--user picks a user's mixture; a likelihood reward has one reward for everyone", "--user");
        using var reward = LikelihoodRewardSpec.Load(options.ModelDirectory, "--model");
        var rewards = reward.Score([.. options.Pairs.SelectMany(p => new[] { (p.Prompt.ToPlainText(), p.Chosen.ToPlainText()), (p.Prompt.ToPlainText(), p.Rejected.ToPlainText()) })],
            options.BatchSize);
        return [.. options.Pairs.Select((_, i) => new JsonObject { ["index"] = i, ["reward_chosen"] = rewards[2 * i], ["reward_rejected"] = rewards[2 * i + 1] })];
    }

    private static IReadOnlyList<JsonObject> MultiObjective(RewardScoringOptions options)
    {
        using var model = MultiObjectiveCheckpoint.Load(options.ModelDirectory);
        var tokenizer = TokenizerFiles.Load(options.ModelDirectory);
        var vector = options.Direction is null ? null : PreferenceDirection.Parse(options.Direction, model.Config.Objectives);
        var sequences = options.Pairs.SelectMany(p => new[]
        {
            RewardInputs.Encode(tokenizer, p.Prompt, p.Chosen, options.MaxLength),
            RewardInputs.Encode(tokenizer, p.Prompt, p.Rejected, options.MaxLength),
        }).ToList();
        var scores = MultiObjectiveScorer.Score(model, sequences, vector, options.BatchSize);
        JsonArray Objectives(int i) => new(scores.Objectives[i].Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return [.. options.Pairs.Select((_, i) => new JsonObject
        {
            ["index"] = i, ["reward_chosen"] = scores.Scores[2 * i], ["reward_rejected"] = scores.Scores[2 * i + 1],
            ["objectives_chosen"] = Objectives(2 * i), ["objectives_rejected"] = Objectives(2 * i + 1),
        })];
    }
}
