using PrefSharp.Core.Data;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// A saved reward model evaluated on a data file: accuracy overall and per subset, ECE, temperature and margin
/// (<see cref="RewardEvaluation"/>; ties rated on three outcomes by a Rao–Kupper model, skipped by any other), with the
/// length baseline on the decided pairs. A multi-objective folder is scored by its gated reward, or along a direction
/// over its objectives (DPA) when one is given; a pluralistic folder under each annotator's mixture
/// (<see cref="PluralisticEvaluation"/>); an ensemble folder by its members' combined normalised rewards
/// (<see cref="RewardEnsembleFolder"/>), the gap of the combined rewards being its preference logit.
/// </summary>
public static class RewardModelEvaluationRecipe
{
    /// <summary>The report, the scalar model's config (null for a multi-objective one) and the length baseline.</summary>
    public sealed record Outcome(RewardEvaluationReport Report, RewardModelConfig? Config, double LengthBaseline);

    /// <summary>True when the folder holds a multi-objective model; a scalar model with a direction is an error.</summary>
    public static bool IsMultiObjective(string directory, string? direction)
    {
        if (MultiObjectiveCheckpoint.IsMultiObjective(directory)) return true;
        if (direction is not null) throw new ArgumentException($"--direction needs a multi-objective model (train-armo); {directory} has a scalar reward");
        return false;
    }

    /// <param name="subsetField">The pair field that names its subset: source, annotator or id.</param>
    /// <param name="direction">A direction over a multi-objective model's objectives (comma-separated); null: the gated reward.</param>
    /// <param name="ensemble">How an ensemble folder's members combine; null: their mean.</param>
    /// <param name="shots">k: score only each annotator's pairs after their first k (<see cref="FewShotSplit"/>); a pluralistic
    /// model fits each annotator's mixture on those k as for an unseen user. Null: every pair, known mixtures.</param>
    public static Outcome Run(string directory, string dataPath, ReadOptions reading, string subsetField, int maxLength, int batchSize, string? direction,
        RewardEnsembleChoice? ensemble = null, int? shots = null)
    {
        var multiObjective = IsMultiObjective(directory, direction);
        var tokenizer = TokenizerFiles.Load(directory);
        var records = RewardPairs.Read(dataPath, reading);
        if (PluralisticCheckpoint.IsPluralistic(directory))
        {
            using var pluralistic = PluralisticCheckpoint.Load(directory);
            var decidedPairs = records.Where(p => !p.IsTie).ToList();
            var report = PluralisticEvaluation.Evaluate(pluralistic, tokenizer, decidedPairs, shots, maxLength, batchSize);
            var scored = shots is { } k ? FewShotSplit.Queries(decidedPairs, k) : decidedPairs;
            return new Outcome(report with { TiesSkipped = records.Count - decidedPairs.Count }, pluralistic.Model.Config, LengthBaseline.Accuracy(scored));
        }
        if (shots is { } queryAfter) records = [.. records.Where(p => p.IsTie), .. FewShotSplit.Queries(records.Where(p => !p.IsTie).ToList(), queryAfter)];
        var decided = records.Where(p => !p.IsTie).ToList();
        var lengthBaseline = decided.Count == 0 ? double.NaN : LengthBaseline.Accuracy(decided);
        var pairs = records
            .Select(p => (Chosen: RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength),
                Rejected: RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength),
                Subset: subsetField switch { "annotator" => p.AnnotatorId, "id" => p.Id, _ => p.Source }, p.IsTie))
            .ToList();
        if (multiObjective)
        {
            using var model = MultiObjectiveCheckpoint.Load(directory);
            var vector = direction is null ? null : PreferenceDirection.Parse(direction, model.Config.Objectives);
            var report = MultiObjectiveEvaluation.Evaluate(model, pairs.Where(p => !p.IsTie).Select(p => (p.Chosen, p.Rejected, p.Subset)).ToList(), vector, batchSize);
            return new Outcome(report with { TiesSkipped = records.Count - decided.Count }, null, lengthBaseline);
        }
        if (RewardEnsembleFolder.IsEnsemble(directory))
        {
            using var members = RewardEnsembleFolder.Load(directory);
            var decidedPairs = pairs.Where(p => !p.IsTie).ToList();
            var score = (IReadOnlyList<Torch.Batches.TokenizedSequence> s) => RewardEnsembleFolder.Score(members, s, ensemble ?? new RewardEnsembleChoice(), batchSize);
            var gaps = score(decidedPairs.Select(p => p.Chosen).ToList()).Zip(score(decidedPairs.Select(p => p.Rejected).ToList()), (c, r) => c - r).ToArray();
            return new Outcome(RewardEvaluation.FromGaps(gaps, decidedPairs.Select(p => p.Subset).ToList()) with { TiesSkipped = records.Count - decided.Count },
                null, lengthBaseline);
        }
        using var rewardModel = RewardCheckpoint.Load(directory);
        return new Outcome(RewardEvaluation.Evaluate(rewardModel, pairs, batchSize), rewardModel.Config, lengthBaseline);
    }
}
