using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Sft;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>
/// The same SFT, DPO and GRPO steps in bfloat16 and float32 on the CPU: every bfloat16 loss is finite and within the
/// rounding bound of <see cref="RoundingBound"/> of the float32 loss of the same step.
/// </summary>
public sealed class ReducedPrecisionTrainingTests
{
    private static List<TokenizedSequence> Demonstrations(int seed)
    {
        var random = new Random(seed);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 64)).ToArray();
        return Enumerable.Range(0, 6).Select(_ => TokenizedSequence.PromptCompletion(Tokens(3), Tokens(random.Next(3, 6)))).ToList();
    }

    /// <summary>The longest sequence's scored tokens, and max |z| of the float32 model on the data.</summary>
    private static (int Tokens, double MaxLogit) Scale(IReadOnlyList<TokenizedSequence> data)
    {
        using var model = PrecisionRun.Model(ScalarType.Float32);
        using var batch = SequenceBatch.Collate(data, 0);
        return (data.Max(s => s.Ids.Count), PrecisionRun.MaxAbsLogit(model, batch.InputIds));
    }

    [Fact]
    public void Sft_steps_in_bfloat16_stay_within_the_rounding_bound_of_float32()
    {
        var data = Demonstrations(1);
        double[] Run(ScalarType dtype)
        {
            using var model = PrecisionRun.Model(dtype);
            return PrecisionRun.Losses(model, new SftObjective(model), data, b => SequenceBatch.Collate(b, 0));
        }
        var config = PrecisionRun.Model(ScalarType.Float32).Config;
        var (_, maxLogit) = Scale(data);
        // the loss is a mean of token log-probabilities, each within the token bound
        PrecisionRun.AssertClose(Run(ScalarType.Float32), Run(ScalarType.BFloat16),
            step => RoundingBound.TokenLogProb(config, maxLogit, step, PrecisionRun.LearningRate));
    }

    [Fact]
    public void Dpo_steps_in_bfloat16_stay_within_the_rounding_bound_of_float32()
    {
        var chosen = Demonstrations(2);
        var rejected = Demonstrations(3).Select((s, i) => TokenizedSequence.PromptCompletion(chosen[i].Ids.Take(3).ToArray(), s.Ids.Skip(3).ToArray())).ToList();
        var pairs = chosen.Zip(rejected).ToList();
        var options = new PreferenceLossOptions();
        double[] Run(ScalarType dtype)
        {
            using var model = PrecisionRun.Model(dtype);
            using var reference = FrozenReference.CopyOf(model);
            var objective = new DpoObjective(model, new FrozenReference(reference), [new WeightedLoss(PreferenceLossType.Sigmoid)], options);
            return PrecisionRun.Losses(model, objective, pairs,
                b => new PairBatch(SequenceBatch.Collate(b.Select(p => p.First).ToList(), 0), SequenceBatch.Collate(b.Select(p => p.Second).ToList(), 0)));
        }
        var config = PrecisionRun.Model(ScalarType.Float32).Config;
        var (tokens, maxLogit) = Scale([.. chosen, .. rejected]);
        // −log σ(β·h) is β-Lipschitz in h, and h sums four sequence log-probabilities of at most `tokens` tokens each
        PrecisionRun.AssertClose(Run(ScalarType.Float32), Run(ScalarType.BFloat16),
            step => options.Beta * 4 * tokens * RoundingBound.TokenLogProb(config, maxLogit, step, PrecisionRun.LearningRate));
    }

    [Fact]
    public void Grpo_steps_in_bfloat16_stay_within_the_rounding_bound_of_float32()
    {
        var data = Demonstrations(4);
        var advantages = data.Select((_, i) => i % 2 == 0 ? 1.0 : -1.0).ToArray();
        var old = FixedGrpoRows.SamplerLogProbs(PrecisionRun.Model(ScalarType.Float32), data);
        double[] Run(ScalarType dtype)
        {
            using var model = PrecisionRun.Model(dtype);
            return PrecisionRun.Losses(model, new FixedGrpoObjective(model), data.Select((s, i) => (s, i)).ToList(),
                rows => FixedGrpoRows.Collate(rows, old, advantages));
        }
        var config = PrecisionRun.Model(ScalarType.Float32).Config;
        var (_, maxLogit) = Scale(data);
        // per token −min(r·A, clip(r)·A) with |A| = 1 and r = exp(log π − log π_old): |Δℓ| ≤ e^{|δ|}·|δ| for a log-ratio change δ
        PrecisionRun.AssertClose(Run(ScalarType.Float32), Run(ScalarType.BFloat16), step =>
        {
            var delta = RoundingBound.TokenLogProb(config, maxLogit, step, PrecisionRun.LearningRate);
            return Math.Exp(2 * delta) * delta;
        });
    }
}
