using System.Diagnostics;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards.Sources;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Grpo;

public sealed partial class GrpoTrainer
{
    /// <summary>One rollout step: generate, score, advantages, μ updates; returns its report (no files written).</summary>
    public GrpoStepReport TrainStep()
    {
        using var scope = NewDisposeScope();
        var batchPrompts = NextPrompts();
        var clock = Stopwatch.StartNew();
        policy.Module.eval();
        var rollout = Sample(batchPrompts);
        policy.Module.train();
        var generationSeconds = clock.Elapsed.TotalSeconds;
        var generatedTokens = rollout.Completions.Sum(c => (long)c.Count);

        clock.Restart();
        var texts = rollout.Completions.Select(decode).ToArray();
        var groups = batchPrompts.Select((p, b) => new CompletionGroup(p.Text, texts.AsSpan(b * Options.GroupSize, Options.GroupSize).ToArray())).ToList();
        var scores = reward.Score(groups);
        if (scores.Rewards.Length != texts.Length)
            throw new InvalidOperationException($"reward source {reward.Name} returned {scores.Rewards.Length} rewards for {texts.Length} completions");
        var scoringSeconds = clock.Elapsed.TotalSeconds;
        var scoredTokens = batchPrompts.Sum(p => (long)p.Ids.Count * Options.GroupSize) + generatedTokens;

        clock.Restart();
        var rewards = tensor(scores.Rewards);
        var advantages = Options.Estimator == AdvantageEstimator.LeaveOneOut
            ? LeaveOneOutAdvantages.Compute(rewards, Options.GroupSize)
            : GroupAdvantages.Compute(rewards, Options.GroupSize, Options.Scaling);
        var update = Update(rollout, advantages.to(ScalarType.Float32));
        var trainingSeconds = clock.Elapsed.TotalSeconds;
        var trainedTokens = rollout.Batch.AttentionMask.sum().item<long>() * Options.Iterations;

        Step++;
        var diagnostics = Diagnose(batchPrompts, rollout, texts, scores, rewards, advantages, update);
        return new GrpoStepReport(Step, diagnostics, update.Loss, update.GradNorm, update.LearningRate,
            generationSeconds, scoringSeconds, trainingSeconds, generatedTokens, scoredTokens, trainedTokens);
    }

    /// <summary>The step's rollout; a policy whose logits went non-finite is a <see cref="Guards.TrainingDivergedException"/> at this step.</summary>
    private Rollout Sample(List<GrpoPrompt> batchPrompts)
    {
        try
        {
            using var noGrad = no_grad();
            return GrpoRollout.Generate(policy, batchPrompts.Select(p => p.Ids).ToList(), Options.GroupSize, Generation(), reference);
        }
        catch (NonFiniteLogitsException)
        {
            throw new Guards.TrainingDivergedException(Step + 1, "policy's logits (while sampling)", double.NaN,
                Checkpointing.CheckpointFolders.Latest(Options.Training.OutputDirectory));
        }
    }

    private GenerationOptions Generation() => new()
    {
        MaxNewTokens = Options.MaxCompletionLength, Temperature = Options.Temperature, TopK = Options.TopK, TopP = Options.TopP,
        StopTokenIds = Options.StopTokenIds, PadTokenId = Options.PadTokenId, Seed = Options.Training.Seed * 1_000_003L + Step,
    };

    /// <summary>What the μ updates of one step measured.</summary>
    private sealed record UpdateResult(double Loss, double GradNorm, double LearningRate, double ClipFraction, double Entropy);

    /// <summary>
    /// μ optimiser updates on one rollout. Each update sums <see cref="GrpoLoss.Sum"/> over micro-batches of rows and
    /// divides by the whole rollout's <see cref="GrpoLoss.Weight"/>, so the gradient does not depend on the split.
    /// With μ = 1 the old log-probs are the detached current ones (ratio exactly 1), as TRL does.
    /// </summary>
    private UpdateResult Update(Rollout rollout, Tensor advantages)
    {
        var lossOptions = Options.Loss.MaxCompletionLength > 0 ? Options.Loss : Options.Loss with { MaxCompletionLength = Options.MaxCompletionLength };
        var mask = rollout.ScoredMask();
        var rows = mask.shape[0];
        var totalWeight = GrpoLoss.Weight(mask, lossOptions);
        var tokens = Math.Max(1.0, mask.sum().item<long>());
        double lossSum = 0, gradNormSum = 0, clipSum = 0, entropySum = 0, learningRate = 0;
        for (var iteration = 0; iteration < Options.Iterations; iteration++)
        {
            Optimizer.ZeroGrad();
            for (long start = 0; start < rows; start += Options.MicroBatchSize)
            {
                using var inner = NewDisposeScope();
                var n = Math.Min(Options.MicroBatchSize, rows - start);
                var batch = new Batches.SequenceBatch(rollout.Batch.InputIds.narrow(0, start, n),
                    rollout.Batch.AttentionMask.narrow(0, start, n), rollout.Batch.LossMask.narrow(0, start, n));
                var (logProbs, logits) = LogProbs.CompletionLogProbs.Compute(policy, batch);
                var subMask = mask.narrow(0, start, n);
                var entropies = lossOptions.EntropyCoefficient != 0 || iteration == 0 ? Diagnostics.TokenEntropy.Compute(logits, subMask) : null;
                var inputs = new GrpoLossInputs(logProbs.PerToken, Options.Iterations > 1 ? rollout.OldLogProbs.narrow(0, start, n) : null,
                    rollout.RefLogProbs?.narrow(0, start, n), advantages.narrow(0, start, n), subMask,
                    lossOptions.EntropyCoefficient != 0 ? entropies : null);
                var sum = GrpoLoss.Sum(inputs, lossOptions);
                (sum / totalWeight).backward();
                lossSum += sum.detach().to(ScalarType.Float64).item<double>() / totalWeight;
                using var noGrad = no_grad();
                var scored = subMask.sum().to(ScalarType.Float64).item<double>();
                var detached = inputs with { LogProbs = logProbs.PerToken.detach() };
                clipSum += GrpoLoss.Compute(detached, lossOptions).ClipFraction.to(ScalarType.Float64).item<double>() * scored;
                if (iteration == 0) entropySum += (entropies!.detach() * subMask).sum().to(ScalarType.Float64).item<double>();
            }
            var gradNorm = Optimization.GradientClipping.ClipGlobalNorm(Optimizer.Parameters, Options.Training.MaxGradNorm);
            Guards.NonFiniteGuard.CheckStep(Step + 1, lossSum, gradNorm, Options.Training.OutputDirectory);
            gradNormSum += gradNorm;
            learningRate = Optimization.LearningRates.At(Options.Training, Optimizer.StepCount + 1, TotalSteps * Options.Iterations);
            Optimizer.Step(learningRate);
        }
        var μ = Options.Iterations;
        return new UpdateResult(lossSum / μ, gradNormSum / μ, learningRate, clipSum / (tokens * μ), entropySum / tokens);
    }
}
