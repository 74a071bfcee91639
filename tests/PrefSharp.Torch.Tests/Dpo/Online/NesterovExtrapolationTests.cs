using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Dpo.Online;
using PrefSharp.Torch.Training.Options;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo.Online;

/// <summary>
/// APO's extrapolation (He et al. 2024, Alg. 1): for a softmax policy over logits θ, θ̂_{t+1} + α(θ̂_{t+1} − θ̂_t) is
/// exactly π̂_{t+1}^{1+α} / π̂_t^α renormalised; the next step extrapolates from the proximal point, not from the
/// extrapolated one; in <see cref="OnlineDpo"/> the first round's policy moves to θ_0 + (1 + α)(θ̂_1 − θ_0).
/// </summary>
public sealed class NesterovExtrapolationTests
{
    private static double[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var e = logits.Select(l => Math.Exp(l - max)).ToArray();
        return [.. e.Select(v => v / e.Sum())];
    }

    private static void SetLogits(nn.Module module, double[] logits)
    {
        using var noGrad = no_grad();
        module.parameters().Single().copy_(tensor(logits, ScalarType.Float64).view(-1, 1));
    }

    private static double[] Logits(nn.Module module) => module.parameters().Single().detach().reshape(-1).data<double>().ToArray();

    [Fact]
    public void A_softmax_policy_moves_to_the_normalised_geometric_extrapolation_and_steps_from_proximal_points()
    {
        const double alpha = 0.3;
        using var module = nn.Linear(1, 3, hasBias: false, dtype: ScalarType.Float64);   // logits = W·1
        double[] start = [0.2, -0.5, 1.0], first = [0.9, -0.1, 0.4], second = [1.1, 0.3, 0.0];
        SetLogits(module, start);
        using var apo = new NesterovExtrapolation(module, alpha);
        SetLogits(module, first);
        apo.Extrapolate(module);
        var (p0, p1) = (Softmax(start), Softmax(first));
        var unnormalised = p1.Select((p, i) => p * Math.Pow(p / p0[i], alpha)).ToArray();
        var expected = unnormalised.Select(v => v / unnormalised.Sum()).ToArray();
        var tolerance = FloatTolerance.Of(ScalarType.Float64, 16, 1);
        var actual = Softmax(Logits(module));
        for (var i = 0; i < 3; i++) Assert.Equal(expected[i], actual[i], tolerance);

        SetLogits(module, second);
        apo.Extrapolate(module);
        var logits = Logits(module);
        for (var i = 0; i < 3; i++) Assert.Equal(second[i] + alpha * (second[i] - first[i]), logits[i], tolerance);
    }

    private const string Config = """
        {"model_type": "gpt2", "vocab_size": 257, "n_embd": 16, "n_layer": 1, "n_head": 2, "n_positions": 64,
         "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new", "initializer_range": 0.2, "eos_token_id": 256}
        """;

    private static (float[] Start, float[] After) OneRound(double momentum)
    {
        manual_seed(4);
        using var policy = new PolicySampler(CausalLM.Create(ModelConfigJson.Parse(Config)), new ByteLevelTokenizer(), ownsModel: true);
        float[] Weights() => [.. policy.Model.Module.parameters().SelectMany(p => p.detach().reshape(-1).data<float>().ToArray())];
        var start = Weights();
        var options = new OnlineDpoOptions
        {
            SamplesPerPrompt = 4, MaxNewTokens = 8, Seed = 5, RefreshReference = true, Momentum = momentum, Dpo = new DpoOptions(),
            Training = new TrainingOptions { LearningRate = 2e-2, MaxSteps = 2, MicroBatchSize = 16, LogEvery = 1000, CheckpointEvery = 0,
                KeepLastCheckpoints = 1, OutputDirectory = Directory.CreateTempSubdirectory("apo").FullName },
        };
        using var online = new OnlineDpo(policy, PointwiseRewardSource.FromFunction("length", (_, response) => response.Length), options);
        online.RunRound(1, ["sort 3 1 2", "sort 9 4", "greet", "count to 3"], new Random(1));
        return (start, Weights());
    }

    [Fact]
    public void After_a_round_with_momentum_the_policy_is_the_round_s_step_taken_one_plus_alpha_times()
    {
        const double alpha = 0.3;
        var (start, plain) = OneRound(0);
        var (_, accelerated) = OneRound(alpha);
        var tolerance = 4 * FloatTolerance.UnitRoundoff(ScalarType.Float32) * (1 + alpha) * start.Concat(plain).Max(Math.Abs);
        var moved = 0;
        for (var i = 0; i < start.Length; i++)
        {
            Assert.Equal(start[i] + (1 + alpha) * (plain[i] - start[i]), accelerated[i], tolerance);
            if (Math.Abs(plain[i] - start[i]) > 1e-4) moved++;
        }
        Assert.True(moved > 100, $"only {moved} of {start.Length} weights moved in the round");
    }

    [Fact]
    public void Momentum_without_the_per_round_reference_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new OnlineDpoOptions { Momentum = 0.3 }.Validate());
        Assert.Contains("RefreshReference", error.Message);
    }
}
