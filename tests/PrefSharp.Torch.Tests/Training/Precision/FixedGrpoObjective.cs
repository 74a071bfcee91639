using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training;
using PrefSharp.Torch.Training.Grpo;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>GRPO's clipped surrogate (<see cref="GrpoLoss"/>, μ &gt; 1: the ratio against the fixed rollout's log-probabilities) as a loop objective.</summary>
internal sealed class FixedGrpoObjective(ICausalLM model) : ITrainingObjective<FixedGrpoRows>
{
    private static readonly GrpoLossOptions Options = new();

    public double Weight(FixedGrpoRows batch) => GrpoLoss.Weight(batch.Mask, Options);

    public ObjectiveLoss Compute(FixedGrpoRows batch)
    {
        var (logProbs, _) = CompletionLogProbs.Compute(model, batch.Rows);
        var inputs = new GrpoLossInputs(logProbs.PerToken, batch.OldLogProbs, null, batch.Advantages, batch.Mask);
        return new ObjectiveLoss(GrpoLoss.Sum(inputs, Options), new Dictionary<string, double>());
    }
}
