using PrefSharp.Core.Data;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Curation;

/// <summary>
/// Curates preference pairs with reward models (the <c>data curate</c> verb): each member k of an ensemble folder
/// (<c>train-rm --ensemble K</c>), or one reward model, gives the preference strength p_k = σ(r_k(x, y_c) − r_k(x, y_r))
/// of every pair on its raw reward scale (Wang et al. 2024, "Secrets of RLHF in Large Language Models Part II",
/// §2.1; <see cref="PreferenceStrength"/>); pairs the members confidently reverse are flagged as mislabelled and dropped
/// or flipped, and with <see cref="CurationRules.MinStrength"/> pairs the members do not agree with are dropped too
/// (the reward-model agreement filter of the automatic stage of Liu et al. 2025, "Skywork-Reward-V2: Scaling
/// Preference Data Curation via Human-AI Synergy", reduced here to a threshold on the strength).
/// </summary>
public static class PreferenceCuration
{
    /// <summary>The pairs to write (kept and flipped, in input order) and one row per input pair.</summary>
    public sealed record Result(IReadOnlyList<PreferencePair> Curated, IReadOnlyList<CuratedPair> Rows, int Members);

    /// <summary>Scores <paramref name="pairs"/> with the model or ensemble in <paramref name="modelDirectory"/> and applies <paramref name="rules"/>.</summary>
    public static Result Run(string modelDirectory, IReadOnlyList<PreferencePair> pairs, CurationRules rules, int maxLength = 1024, int batchSize = 16)
    {
        rules.Validate();
        if (pairs.Count == 0) throw new ArgumentException("no preference pairs to curate", nameof(pairs));
        var tokenizer = TokenizerFiles.Load(modelDirectory);
        var sequences = pairs.SelectMany(p => new[]
        {
            RewardPairs.Encode(tokenizer, p.Prompt, p.Chosen, maxLength), RewardPairs.Encode(tokenizer, p.Prompt, p.Rejected, maxLength),
        }).ToList();
        var memberRewards = RewardEnsembleFolder.IsEnsemble(modelDirectory)
            ? Scores(RewardEnsembleFolder.Load(modelDirectory).Members, sequences, batchSize)
            : Scores([RewardCheckpoint.Load(modelDirectory)], sequences, batchSize);
        var rows = Decide(memberRewards.Select(r => r.Where((_, i) => i % 2 == 0).ToArray()).ToList(),
            memberRewards.Select(r => r.Where((_, i) => i % 2 == 1).ToArray()).ToList(), rules);
        var curated = rows.Where(r => r.Decision is CurationDecision.Kept or CurationDecision.Flipped)
            .Select(r => r.Decision == CurationDecision.Flipped ? Flip(pairs[r.Index]) : pairs[r.Index]).ToList();
        return new Result(curated, rows, memberRewards.Count);
    }

    /// <summary>
    /// The decision for each pair from the members' raw rewards of the chosen (<paramref name="chosen"/>[k][i]) and
    /// rejected (<paramref name="rejected"/>[k][i]) responses.
    /// </summary>
    public static IReadOnlyList<CuratedPair> Decide(IReadOnlyList<double[]> chosen, IReadOnlyList<double[]> rejected, CurationRules rules)
    {
        rules.Validate();
        using var scope = NewDisposeScope();
        var (mean, std, flagged) = PreferenceStrength.Compute(stack(chosen.Select(c => tensor(c)).ToArray()),
            stack(rejected.Select(r => tensor(r)).ToArray()), rules.MaxStrength);
        var means = mean.data<double>().ToArray();
        var stds = std.data<double>().ToArray();
        var flags = flagged.data<bool>().ToArray();
        return [.. means.Select((m, i) => new CuratedPair(i, m, stds[i], flags[i], flags[i]
            ? rules.FlipFlagged ? CurationDecision.Flipped : CurationDecision.DroppedFlagged
            : m < rules.MinStrength ? CurationDecision.DroppedDisagreement : CurationDecision.Kept))];
    }

    /// <summary>Mean strength per tenth of the pairs ordered by it (the first the weakest), as Secrets of RLHF II reports its data.</summary>
    public static IReadOnlyList<(int Count, double MeanStrength)> Deciles(IReadOnlyList<CuratedPair> rows)
    {
        var sorted = rows.Select(r => r.MeanStrength).Order().ToArray();
        return [.. Enumerable.Range(0, Math.Min(10, sorted.Length)).Select(d =>
        {
            var (from, to) = (d * sorted.Length / Math.Min(10, sorted.Length), (d + 1) * sorted.Length / Math.Min(10, sorted.Length));
            return (to - from, sorted[from..to].Average());
        })];
    }

    private static List<double[]> Scores(IReadOnlyList<RewardModel> models, IReadOnlyList<Torch.Batches.TokenizedSequence> sequences, int batchSize)
    {
        try
        {
            if (models.Any(m => m.Config.IsGeneralPreference))
                throw new ArgumentException("--rm: a General Preference Model has no scalar reward; curation needs scalar reward models", "--rm");
            return [.. models.Select(m => RewardScorer.Score(m, sequences, batchSize))];
        }
        finally
        {
            foreach (var model in models) model.Dispose();
        }
    }

    private static PreferencePair Flip(PreferencePair pair) => pair with
    {
        Chosen = pair.Rejected, Rejected = pair.Chosen, ScoreChosen = pair.ScoreRejected, ScoreRejected = pair.ScoreChosen,
        ChosenModel = pair.RejectedModel, RejectedModel = pair.ChosenModel, SoftLabel = 1 - pair.SoftLabel,
    };
}
