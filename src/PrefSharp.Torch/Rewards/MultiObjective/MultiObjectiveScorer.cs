using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.MultiObjective;

/// <summary>
/// Scores tokenized (prompt + response) sequences with a multi-objective model in batches (evaluation mode, no
/// gradients): the objective rewards, and as the scalar either the projection on a preference direction v (DPA,
/// r_v = vᵀ r / ‖v‖) when one is given, or the gated ArmoRM reward R = g(x)ᵀ r'.
/// </summary>
public static class MultiObjectiveScorer
{
    /// <summary>Scores of <paramref name="sequences"/>; <paramref name="direction"/> has one entry per objective.</summary>
    public static MultiObjectiveScores Score(MultiObjectiveRewardModel model, IReadOnlyList<TokenizedSequence> sequences,
        IReadOnlyList<double>? direction = null, int batchSize = 16)
    {
        if (batchSize < 1) throw new ArgumentException($"batchSize must be ≥ 1, found {batchSize}", nameof(batchSize));
        if (direction is not null && direction.Count != model.Objectives)
            throw new ArgumentException($"--direction has {direction.Count} components for {model.Objectives} objectives ({string.Join(", ", model.Config.Objectives)})", nameof(direction));
        if (direction is null && model.Gating is null)
            throw new ArgumentException("this multi-objective model has no gating network: give a --direction over its objectives " +
                $"({string.Join(", ", model.Config.Objectives)})", nameof(direction));
        var padId = model.Model.PadId;
        var objectives = new double[sequences.Count][];
        var scores = new double[sequences.Count];
        var wasTraining = model.Model.training;
        model.Eval();
        try
        {
            for (var start = 0; start < sequences.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                using var batch = SequenceBatch.Collate(sequences.Skip(start).Take(batchSize).ToList(), padId);
                var (rewards, prompt) = model.Forward(batch);
                var scalar = direction is null ? model.Gated(rewards, prompt)
                    : PreferenceDirection.Project(rewards, tensor(direction.Select(d => (float)d).ToArray()));
                scalar.to(ScalarType.Float64).data<double>().ToArray().CopyTo(scores, start);
                var flat = rewards.to(ScalarType.Float64).data<double>().ToArray();
                for (var row = 0; row < rewards.shape[0]; row++)
                    objectives[start + row] = flat.AsSpan(row * model.Objectives, model.Objectives).ToArray();
            }
        }
        finally
        {
            if (wasTraining) model.Model.train();
        }
        return new MultiObjectiveScores(objectives, scores);
    }
}
