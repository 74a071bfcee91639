using PrefSharp.Torch.Diagnostics;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Grpo;
using PrefSharp.Torch.Training.Rollouts;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Ppo;

/// <summary>
/// Turns a scored rollout into the data of a PPO step, as TRL's PPOTrainer does between generation and the epochs:
/// one no-grad forward of the policy (and critic) in eval mode gives log π_old and V_old at temperature 1, so the first
/// update's ratio is exactly 1; then per-token rewards (<see cref="TokenRewards"/>), GAE (<see cref="Gae"/>) and
/// whitened advantages over all completion tokens of the rollout (REINFORCE++'s global whitening,
/// <see cref="GlobalWhitening"/>); for P3O the KL-penalised sequence rewards and their pair differences (<see cref="P3oLoss"/>).
/// </summary>
internal static class PpoRollouts
{
    public static PpoRolloutStep Prepare(ScoredRollout scored, ICausalLM policy, IValueModel? value, PpoTrainerOptions options,
        Func<string, string, double>? gold)
    {
        var rollout = scored.Rollout;
        var mask = rollout.ScoredMask().to(ScalarType.Float32);
        var (oldLogProbs, oldValues) = Forward(rollout, policy, value, options.MicroBatchSize);
        var rewards = tensor(scored.Scores.Rewards).to(ScalarType.Float32);
        var sequenceKl = rollout.RefLogProbs is null ? zeros_like(rewards) : (KlEstimator.K1(oldLogProbs, rollout.RefLogProbs) * mask).sum(1);
        var beta = options.KlCoefficient;
        var diagnostics = new PpoStepDiagnostics
        {
            GoldReward = gold is null ? null
                : Enumerable.Range(0, scored.Texts.Length).Average(i => gold(scored.Prompts[i / options.SamplesPerPrompt].Text, scored.Texts[i])),
            Reward = scored.Scores.Rewards.Average(),
            SequenceKl = sequenceKl.mean().to(ScalarType.Float64).item<double>(),
            NonScoreReward = -beta * sequenceKl.mean().to(ScalarType.Float64).item<double>(),
        };
        if (options.Algorithm == PpoAlgorithm.P3o)
        {
            var differences = P3oLoss.PairDifferences(rewards - beta * sequenceKl);
            return new PpoRolloutStep(scored, mask, oldLogProbs, oldValues, zeros_like(mask), zeros_like(mask), differences, diagnostics);
        }
        var tokenRewards = TokenRewards.Compose(rewards, oldLogProbs, rollout.RefLogProbs, mask, beta);
        var (advantages, returns) = Gae.Compute(tokenRewards, oldValues, mask, options.Gamma, options.Lambda);
        diagnostics = diagnostics with { ExplainedVariance = ExplainedVariance.Compute(returns, oldValues, mask) };
        if (options.WhitenAdvantages) advantages = Whiten(advantages, mask);
        return new PpoRolloutStep(scored, mask, oldLogProbs, oldValues, advantages, returns, zeros_like(rewards), diagnostics);
    }

    /// <summary>Advantages whitened over the scored entries (zero mean, unit population std), 0 elsewhere.</summary>
    public static Tensor Whiten(Tensor advantages, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var selected = mask.to(ScalarType.Bool);
        if (selected.sum().item<long>() < 2) return advantages.clone().MoveToOuterDisposeScope();
        var whitened = GlobalWhitening.Whiten(advantages.masked_select(selected));
        return zeros_like(advantages).masked_scatter(selected, whitened).MoveToOuterDisposeScope();
    }

    /// <summary>log π_old (B, T − 1) and V_old (B, T − 1; zeros without a value model) in micro-batches, eval mode, no grad.</summary>
    private static (Tensor LogProbs, Tensor Values) Forward(Rollout rollout, ICausalLM policy, IValueModel? value, int microBatch)
    {
        using var noGrad = no_grad();
        policy.Module.eval();
        value?.Module.eval();
        try
        {
            var batch = rollout.Batch;
            var rows = batch.InputIds.shape[0];
            var logProbs = new List<Tensor>();
            var values = new List<Tensor>();
            for (long start = 0; start < rows; start += microBatch)
            {
                var n = Math.Min(microBatch, rows - start);
                var part = new Batches.SequenceBatch(batch.InputIds.narrow(0, start, n), batch.AttentionMask.narrow(0, start, n),
                    batch.LossMask.narrow(0, start, n));
                var (perToken, _, hidden) = CompletionLogProbs.ComputeWithHidden(policy, part);
                logProbs.Add(perToken.PerToken);
                values.Add(value is null ? zeros_like(perToken.PerToken) : value.Values(part, hidden) * rollout.ScoredMask().narrow(0, start, n));
            }
            return (cat(logProbs, 0), cat(values, 0));
        }
        finally
        {
            policy.Module.train();
            value?.Module.train();
        }
    }
}
