using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Dpo.Online;
using PrefSharp.Torch.Training.Options;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Dpo.Online;

/// <summary>
/// DNO's per-round reference (Rosset et al. 2024, Alg. 2): round t trains against π_t, the policy as round t starts.
/// The first DPO step of a round sees log-ratios of exactly 0 against a reference equal to the policy, so its sigmoid
/// loss is −log σ(0) = ln 2; against the fixed starting model, round 2 starts from the margins round 1 taught.
/// </summary>
public sealed class OnlineDpoReferenceTests
{
    private const string Config = """
        {"model_type": "gpt2", "vocab_size": 257, "n_embd": 16, "n_layer": 1, "n_head": 2, "n_positions": 64,
         "layer_norm_epsilon": 1e-5, "activation_function": "gelu_new", "initializer_range": 0.2, "eos_token_id": 256}
        """;

    private static IReadOnlyList<OnlineDpoRound> TwoRounds(bool refresh)
    {
        manual_seed(4);
        using var policy = new PolicySampler(CausalLM.Create(ModelConfigJson.Parse(Config)), new ByteLevelTokenizer(), ownsModel: true);
        var labeller = PointwiseRewardSource.FromFunction("length", (_, response) => response.Length);
        var options = new OnlineDpoOptions
        {
            SamplesPerPrompt = 4, MaxNewTokens = 8, Seed = 5, RefreshReference = refresh, Dpo = new DpoOptions(),
            Training = new TrainingOptions { LearningRate = 2e-2, MaxSteps = 3, MicroBatchSize = 16, LogEvery = 1000, CheckpointEvery = 0,
                KeepLastCheckpoints = 1, OutputDirectory = Directory.CreateTempSubdirectory("dno-reference").FullName },
        };
        using var online = new OnlineDpo(policy, labeller, options);
        string[] prompts = ["sort 3 1 2", "sort 9 4", "greet", "count to 3"];
        var random = new Random(1);
        return [online.RunRound(1, prompts, random), online.RunRound(2, prompts, random)];
    }

    [Fact]
    public void With_the_per_round_reference_each_round_starts_at_zero_margin_and_with_the_fixed_one_round_two_does_not()
    {
        var tolerance = FloatTolerance.Of(ScalarType.Float32, 16, 1);   // softplus(0) and a mean of equal terms in float32
        var refreshed = TwoRounds(refresh: true);
        var fixedReference = TwoRounds(refresh: false);
        Assert.Equal(Math.Log(2), refreshed[0].Losses[0], tolerance);
        Assert.Equal(Math.Log(2), refreshed[1].Losses[0], tolerance);
        Assert.Equal(Math.Log(2), fixedReference[0].Losses[0], tolerance);
        Assert.True(Math.Abs(fixedReference[1].Losses[0] - Math.Log(2)) > 1e-3,
            $"round 2 against the starting model began at loss {fixedReference[1].Losses[0]}: the reference did not keep round 1's margins");
    }
}
