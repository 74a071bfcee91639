using PrefSharp.Core.Data;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.Dpo;

/// <summary>
/// Evaluates a DPO policy as a reward model: its implicit reward β·log πθ(y|x)/π_ref(y|x) (Rafailov et al. 2023, Eq. 5)
/// against a reference checkpoint, with ranking and idealised ranking accuracy (Chen et al. 2024) on the pairs of a file.
/// </summary>
public static class ImplicitRewardEvaluationRecipe
{
    /// <summary>The <see cref="RankingReport"/> of the policy in <paramref name="policyDirectory"/> against <paramref name="referenceDirectory"/>.</summary>
    public static RankingReport Run(string policyDirectory, string referenceDirectory, string dataPath, ReadOptions reading, int maxLength,
        int batchSize, double beta)
    {
        if (!(beta > 0 && double.IsFinite(beta))) throw new ArgumentException($"--beta must be a finite number > 0, found {beta}", "--beta");
        var tokenizer = TokenizerFiles.Load(policyDirectory);
        var records = PreferenceFileReader.ReadAll(dataPath, reading).ToList();
        var (encoded, preferences) = RankingEvaluation.Encode(records, tokenizer, ChatTemplateKind.Auto, maxLength);
        if (encoded.Pairs.Count == 0) throw new ArgumentException($"{dataPath}: no preference pairs (ties and other record kinds are skipped)", "--data");
        using var policy = Checkpoint.Load(policyDirectory);
        using var reference = Checkpoint.Load(referenceDirectory);
        return RankingEvaluation.Run(policy, reference, encoded.Pairs, preferences, tokenizer.PaddingId(), batchSize, beta);
    }
}
