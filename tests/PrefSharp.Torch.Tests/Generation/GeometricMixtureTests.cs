using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Tests.Models;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Generation;

/// <summary>Nash-MD's opponent: the token-level geometric mixture π^(1−β)·π_ref^β, by hand and from the sampler.</summary>
public sealed class GeometricMixtureTests
{
    [Fact]
    public void Mixture_of_two_hand_given_logit_vectors_is_the_normalised_geometric_mean()
    {
        // π = (1/4, 1/2, 1/4) from logits (0, ln 2, 0); π_ref = (4/6, 1/6, 1/6) from logits (ln 4, 0, 0) + 7 (a shift
        // softmax ignores). β = ½: π^β ∝ (√(1/6), √(1/12), √(1/24)) ∝ (1, 1/√2, 1/2), so π^β = (1, 1/√2, 1/2) / (3/2 + 1/√2).
        var z = 1.5 + 1 / Math.Sqrt(2);
        var expected = new[] { 1 / z, 1 / Math.Sqrt(2) / z, 0.5 / z };
        using var policy = tensor(new[,] { { 0, Math.Log(2), 0 } });
        using var reference = tensor(new[,] { { Math.Log(4) + 7, 7, 7 } });
        using var mixed = GeometricMixture.LogProbs(policy, reference, 0.5);
        var probabilities = mixed.exp().to(ScalarType.Float64).data<double>().ToArray();
        var tolerance = FloatTolerance.Of(ScalarType.Float32, 12, 1);   // two log-softmaxes and one more over V = 3, in float32
        for (var k = 0; k < 3; k++) Assert.Equal(expected[k], probabilities[k], tolerance);

        // β = 0 is the policy and β = 1 the reference.
        using var none = GeometricMixture.LogProbs(policy, reference, 0).exp().to(ScalarType.Float64);
        using var all = GeometricMixture.LogProbs(policy, reference, 1).exp().to(ScalarType.Float64);
        Assert.Equal([0.25, 0.5, 0.25], none.data<double>().ToArray(), (a, b) => Math.Abs(a - b) <= tolerance);
        Assert.Equal([4 / 6.0, 1 / 6.0, 1 / 6.0], all.data<double>().ToArray(), (a, b) => Math.Abs(a - b) <= tolerance);
        Assert.Throws<ArgumentException>(() => GeometricMixture.LogProbs(policy, reference, 1.5));
    }

    [Fact]
    public void Sampled_log_probs_are_the_mixture_of_the_two_models_teacher_forced_next_token_distributions()
    {
        using var policy = TinyConfigs.Create("llama", seed: 7);
        using var reference = TinyConfigs.Create("llama", seed: 11);
        using var scope = NewDisposeScope();
        var (ids, mask) = PromptBatch.LeftPad(KvCacheGenerationTests.Prompts, padTokenId: 0);
        const double beta = 0.3;
        var output = BatchGenerator.GenerateMixture(policy, reference, beta, ids, mask,
            new GenerationOptions { MaxNewTokens = 8, Seed = 5, StopAtEos = false });
        var (promptLength, steps) = (ids.shape[1], output.GeneratedTokens.shape[1]);
        using var noGrad = no_grad();
        Tensor Next(TorchSharp.torch.Tensor logits) => logits.narrow(1, promptLength - 1, steps).to(ScalarType.Float64).log_softmax(-1);
        var p = Next(policy.forward(output.Sequences, output.AttentionMask).Logits);        // (B, N, V)
        var q = Next(reference.forward(output.Sequences, output.AttentionMask).Logits);
        var mixture = ((1 - beta) * p + beta * q).log_softmax(-1);                          // the definition, in float64
        var expected = SequenceLogProbs.Compute(mixture, output.GeneratedTokens, output.GeneratedMask).PerToken;
        var tolerance = FloatTolerance.Of(ScalarType.Float32, FloatTolerance.DecoderOperations(policy.Config, (int)(promptLength + steps)) + 2 * policy.Config.VocabSize, 10);
        TensorAssert.Close(expected, output.TokenLogProbs.to(ScalarType.Float64), tolerance, "mixture log-probs");
        Assert.NotEqual(0, (p - q).abs().max().item<double>());   // the two models differ, so the mixture is a third distribution
    }
}
