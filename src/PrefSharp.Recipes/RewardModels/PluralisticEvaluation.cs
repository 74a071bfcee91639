using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Reward.Pluralistic;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// A pluralistic reward model scored on decided pairs, each under its annotator's mixture, with accuracy per annotator:
/// known annotators use the mixture learned in training; with <c>shots</c> every annotator is treated as unseen and
/// gets a mixture fitted on their first k pairs alone (<see cref="UserWeightFit"/>), scored on the rest (<see cref="FewShotSplit"/>).
/// </summary>
public static class PluralisticEvaluation
{
    /// <summary>The report (subsets = annotator ids) from the model's preference logits.</summary>
    public static RewardEvaluationReport Evaluate(PluralisticRewardModel model, ITokenizer tokenizer, IReadOnlyList<PreferencePair> decided,
        int? shots, int maxLength, int batchSize)
    {
        if (shots is null)
        {
            var pairs = PluralisticPairs.Encode(tokenizer, model.Head, decided, maxLength);
            return RewardEvaluation.FromGaps(PluralisticTraining.Logits(model, pairs, batchSize), decided.Select(p => p.AnnotatorId).ToList());
        }
        var gaps = new List<double>();
        var subsets = new List<string?>();
        foreach (var (user, support, query) in FewShotSplit.Split(decided, shots.Value))
        {
            using var scope = NewDisposeScope();
            var encoded = PluralisticPairs.Encode(tokenizer, model.Head, [.. support, .. query], maxLength);
            var outputs = PluralisticTraining.Outputs(model, encoded, batchSize);
            var logits = UserWeightFit.Fit(model, outputs.Select(arange(support.Count, dtype: ScalarType.Int64)));
            using var noGrad = no_grad();
            var rest = outputs.Select(arange(support.Count, encoded.Count, dtype: ScalarType.Int64));
            var userGaps = model.Logits(rest, logits.unsqueeze(0).expand(query.Count, -1)).to(ScalarType.Float64).cpu().data<double>().ToArray();
            gaps.AddRange(userGaps);
            subsets.AddRange(Enumerable.Repeat<string?>(user, query.Count));
        }
        if (gaps.Count == 0) throw new ArgumentException($"--few-shot {shots}: no annotator has more than {shots} decided pairs to score");
        return RewardEvaluation.FromGaps([.. gaps], subsets);
    }
}
