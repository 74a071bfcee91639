using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Reward.MultiObjective;

/// <summary>
/// The frozen stage-1 features of N pairs, computed once under <c>no_grad</c> (as ArmoRM precomputes embeddings):
/// prompt states (N, d), raw objective rewards of chosen and rejected (N, k). Owns its tensors.
/// </summary>
public sealed class GatingFeatures : IDisposable
{
    private GatingFeatures(Tensor prompt, Tensor chosen, Tensor rejected) => (Prompt, Chosen, Rejected) = (prompt, chosen, rejected);

    /// <summary>f_θ(x): (N, d).</summary>
    public Tensor Prompt { get; }

    /// <summary>r(x, y_c): (N, k).</summary>
    public Tensor Chosen { get; }

    /// <summary>r(x, y_r): (N, k).</summary>
    public Tensor Rejected { get; }

    /// <summary>Pairs.</summary>
    public long Count => Prompt.shape[0];

    /// <summary>Runs the stage-1 model over <paramref name="pairs"/>, <paramref name="batchSize"/> pairs at a time.</summary>
    public static GatingFeatures Compute(MultiObjectiveRewardModel model, IReadOnlyList<GatingExample> pairs, int batchSize = 32)
    {
        if (pairs.Count == 0) throw new ArgumentException("stage 2 needs at least one preference pair", nameof(pairs));
        var padId = model.Model.PadId;
        var wasTraining = model.Model.training;
        model.Model.eval();
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var prompts = new List<Tensor>();
            var chosen = new List<Tensor>();
            var rejected = new List<Tensor>();
            for (var start = 0; start < pairs.Count; start += batchSize)
            {
                var chunk = pairs.Skip(start).Take(batchSize).ToList();
                using var chosenBatch = SequenceBatch.Collate(chunk.Select(p => p.Chosen).ToList(), padId);
                using var rejectedBatch = SequenceBatch.Collate(chunk.Select(p => p.Rejected).ToList(), padId);
                var (chosenRewards, prompt) = model.Forward(chosenBatch);
                prompts.Add(prompt);
                chosen.Add(chosenRewards);
                rejected.Add(model.Forward(rejectedBatch).Objectives);
            }
            return new GatingFeatures(cat(prompts, 0).DetachFromDisposeScope(), cat(chosen, 0).DetachFromDisposeScope(),
                cat(rejected, 0).DetachFromDisposeScope());
        }
        finally
        {
            if (wasTraining) model.Model.train();
        }
    }

    public void Dispose()
    {
        Prompt.Dispose();
        Chosen.Dispose();
        Rejected.Dispose();
    }
}
