using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Rewards;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// The folder <c>train-rm --ensemble K</c> writes: OUT/member-0 … OUT/member-(K−1), each a scalar reward model with its
/// tokenizer, and the shared tokenizer in OUT itself (no config.json there). Members are scored with their stored
/// normalisation (r − mean)/std so that they share a scale before <see cref="RewardEnsembleChoice"/> combines them.
/// </summary>
public static class RewardEnsembleFolder
{
    /// <summary>True when <paramref name="directory"/> is an ensemble folder rather than one model.</summary>
    public static bool IsEnsemble(string directory) =>
        !File.Exists(Path.Combine(directory, "config.json")) && Directory.Exists(Path.Combine(directory, "member-0"));

    /// <summary>Loads every member; a General Preference Model member is refused (it has no scalar reward to aggregate).</summary>
    public static RewardEnsemble Load(string directory)
    {
        var folders = Enumerable.Range(0, int.MaxValue).Select(k => Path.Combine(directory, $"member-{k}")).TakeWhile(Directory.Exists).ToList();
        var members = new List<RewardModel>();
        try
        {
            foreach (var folder in folders)
            {
                members.Add(RewardCheckpoint.Load(folder));
                if (members[^1].Config.IsGeneralPreference)
                    throw new ArgumentException($"{folder} is a General Preference Model: an ensemble aggregates scalar rewards");
            }
            return new RewardEnsemble(members);
        }
        catch
        {
            foreach (var member in members) member.Dispose();
            throw;
        }
    }

    /// <summary>The combined normalised reward of every sequence, in input order.</summary>
    public static double[] Score(RewardEnsemble ensemble, IReadOnlyList<TokenizedSequence> sequences, RewardEnsembleChoice choice, int batchSize = 16) =>
        EnsembleAggregation.Aggregate(ensemble.Members.Select(m => RewardScorer.Score(m, sequences, batchSize, normalize: true)).ToList(),
            choice.Kind, choice.UncertaintyPenalty);
}
