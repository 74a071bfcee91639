using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Dpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo;

public sealed class WpoWeightsTests
{
    [Fact]
    public void Log_weights_match_a_hand_derivation()
    {
        // V = 3, two positions. Position 0: z = (0, 0, 0), p uniform: log(p_y / Σp²) = log(⅓ / ⅓) = 0.
        // Position 1: z = (ln 2, 0, 0), p = (½, ¼, ¼), Σp² = ¼ + 1/16 + 1/16 = 3/8;
        //   label 1: log(¼ / ⅜) = log(2/3); label 0: log(½ / ⅜) = log(4/3).
        var logits = tensor(new double[] { 0, 0, 0, Math.Log(2), 0, 0, 0, 0, 0, Math.Log(2), 0, 0 }).reshape(2, 2, 3);
        var labels = tensor(new long[] { 2, 1, 0, 0 }).reshape(2, 2);
        var mask = tensor(new double[] { 1, 1, 1, 0 }).reshape(2, 2);     // row 1 scores position 0 only
        var log = WpoWeights.LogWeights(logits, labels, mask).data<double>().ToArray();
        Assert.Equal(0.5 * Math.Log(2.0 / 3), log[0], 12);    // mean of 0 and log(2/3)
        Assert.Equal(0.0, log[1], 12);
        // pair weight exp(½ log(2/3) + 0) = √(2/3) ≈ 0.8165; a ratio above 1 is clamped
        Assert.Equal(Math.Sqrt(2.0 / 3), WpoWeights.PairWeights(tensor(new[] { log[0] }), tensor(new[] { log[1] })).item<double>(), 12);
        Assert.Equal(1.0, WpoWeights.PairWeights(tensor(new[] { Math.Log(4.0 / 3) }), tensor(new[] { 0.0 })).item<double>(), 12);
    }

    [Fact]
    public void The_objective_multiplies_each_pair_loss_by_its_weight()
    {
        using var model = TinyConfigs.Create("llama", seed: 12);
        using var batch = DpoTestData.Pairs(4, seed: 13);
        var reference = new FrozenReference(FrozenReference.CopyOf(model));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var loss = new DpoObjective(model, reference, [new(PreferenceLossType.Sigmoid)], new PreferenceLossOptions(), wpoWeights: true).Compute(batch).Sum;
        // policy = reference: every DPO loss is −log σ(0) = log 2, so the sum is log 2 · Σ_i w_i, with w_i from separate forwards
        var largestLogit = 0.0;
        Tensor LogW(PrefSharp.Torch.Batches.SequenceBatch rows)
        {
            var (_, logits) = CompletionLogProbs.Compute(model, rows);
            largestLogit = Math.Max(largestLogit, logits.abs().max().item<float>());
            var length = rows.InputIds.shape[1];
            return WpoWeights.LogWeights(logits, rows.InputIds.narrow(1, 1, length - 1), (rows.LossMask * rows.AttentionMask).narrow(1, 1, length - 1));
        }
        var weights = WpoWeights.PairWeights(LogW(batch.Chosen), LogW(batch.Rejected));
        Assert.True(weights.max().item<float>() < 1);
        // Each log w is a mean of z_y + lse(z) − lse(2z), terms of size ≤ 3·(2·max|z| + log V), after the decoder's chain
        // (the objective's forward pads the batch otherwise); exp turns an error δ in log w_c + log w_l into a relative
        // error of about 2δ in w. An unweighted loss (log 2 per pair) or a squared weight misses by Σ w (1 − w) ≫ this.
        var config = model.Config;
        var tokens = (int)batch.Chosen.InputIds.shape[1] + (int)batch.Rejected.InputIds.shape[1];
        var logWeightError = 2 * FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(config, tokens) + 2L * config.VocabSize,
            3 * (2 * largestLogit + Math.Log(config.VocabSize)));
        var sum = weights.sum().item<float>();
        var tolerance = Math.Log(2) * sum * 2 * logWeightError + FloatTolerance.Of(ScalarType.Float32, 2L * weights.shape[0] + 2, Math.Log(2) * sum);
        Assert.Equal(Math.Log(2) * sum, loss.item<float>(), tolerance);
        ((IDisposable)reference.Model).Dispose();
    }
}
