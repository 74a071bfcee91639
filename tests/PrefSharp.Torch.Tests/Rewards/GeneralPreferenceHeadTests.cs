using System.Text.Json.Nodes;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pairwise;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>The General Preference Model head: prompt gate, checkpoint keys, objective sums, pairwise logits, a learned cycle.</summary>
public sealed class GeneralPreferenceHeadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("prefsharp-gpm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static RewardModel Gpm(int dimension = 4, bool gate = true, int seed = 11)
    {
        manual_seed(seed);
        return new RewardModel(TinyRewardModels.Config("gpt2", labels: dimension) with { GeneralPreference = new GeneralPreferenceConfig { PromptGate = gate } });
    }

    private static TokenizedSequence Seq(int[] prompt, int[] completion) => TokenizedSequence.PromptCompletion(prompt, completion);

    [Fact]
    public void Prompt_end_is_the_token_before_the_completion()
    {
        using var scope = NewDisposeScope();
        var attention = tensor(new long[,] { { 1, 1, 1, 1, 1 }, { 1, 1, 1, 0, 0 }, { 1, 1, 1, 1, 0 } });
        var loss = tensor(new long[,] { { 0, 0, 1, 1, 1 }, { 0, 0, 0, 0, 0 }, { 1, 1, 1, 1, 0 } });
        // Row 0: completion starts at 2 → 1. Row 1: no completion → the last real token, 2. Row 2: no prompt → clamped to 0.
        Assert.Equal([1L, 2L, 0L], RewardModel.PromptEndIndex(attention, loss).data<long>().ToArray());
    }

    [Fact]
    public void Group_preferences_with_eigenvalues_and_beta_match_a_hand_derivation()
    {
        using var scope = NewDisposeScope();
        // v0 = (1, 0 | 0, 1), v1 = (0, 1 | 1, 0). Block l of s(0 ≻ 1) = v0[2l+1]·v1[2l] − v0[2l]·v1[2l+1]:
        // block 0: 0·0 − 1·1 = −1; block 1: 1·1 − 0·0 = +1. With λ = (2, 0.5): s = −2 + 0.5 = −1.5; β = 0.5 → logit −3.
        var embeddings = tensor(new double[,,] { { { 1, 0, 0, 1 }, { 0, 1, 1, 0 } } });
        var p = PairwisePreferences.GeneralPreference(embeddings, tensor(new double[,] { { 2, 0.5 } }), beta: 0.5).data<double>().ToArray();
        Assert.Equal(1 / (1 + Math.Exp(3)), p[1], 12);   // P(0 ≻ 1) = σ(−3) = 0.0474259
        Assert.Equal(1 / (1 + Math.Exp(-3)), p[2], 12);  // P(1 ≻ 0) = σ(3)
    }

    [Fact]
    public void A_gpm_saves_its_keys_and_reloads_with_the_same_preferences()
    {
        using var original = Gpm();
        RewardCheckpoint.Save(original, _directory);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(_directory, "config.json")))!.AsObject();
        Assert.Equal(4, json["num_labels"]!.GetValue<int>());
        Assert.Equal("gpm", json[PreferenceHeadJson.HeadKey]!.GetValue<string>());
        Assert.True(json[PreferenceHeadJson.PromptGateKey]!.GetValue<bool>());
        Assert.Equal(0.1, json[PreferenceHeadJson.BetaKey]!.GetValue<double>());
        using var reloaded = RewardCheckpoint.Load(_directory);
        Assert.Equal(original.Config.GeneralPreference, reloaded.Config.GeneralPreference);
        Assert.Contains(reloaded.named_parameters(), p => p.name == "prompt_head.weight");
        (TokenizedSequence, TokenizedSequence)[] pairs = [(Seq([1, 5], [9, 10, 2]), Seq([1, 5], [11, 2])), (Seq([1, 6, 7], [12, 2]), Seq([1, 6, 7], [13, 14, 2]))];
        Assert.Equal(PreferenceLogits.Pairs(original, pairs), PreferenceLogits.Pairs(reloaded, pairs));
        Assert.Throws<InvalidOperationException>(() => RewardScorer.Score(reloaded, [pairs[0].Item1]));   // no scalar reward
    }

    [Fact]
    public void Objective_sums_and_pairwise_logits_agree_with_a_plain_computation()
    {
        using var model = Gpm(seed: 4);
        model.eval();
        (TokenizedSequence C, TokenizedSequence R)[] pairs = [(Seq([1, 5], [9, 10, 2]), Seq([1, 5], [11, 2])), (Seq([1, 6, 7], [12, 2]), Seq([1, 6, 7], [13, 14, 2])), (Seq([1, 8], [20, 2]), Seq([1, 8], [21, 22, 23, 2]))];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var batch = new PairBatch(SequenceBatch.Collate(pairs.Select(p => p.C).ToList(), 0), SequenceBatch.Collate(pairs.Select(p => p.R).ToList(), 0));
        var result = new GeneralPreferenceObjective(model).Compute(batch);
        var logits = PreferenceLogits.Pairs(model, pairs.Select(p => (p.C, p.R)).ToList());
        // −log σ(s/β) summed over pairs; the logit is s/β with β = 0.1. The pairs are scored in other batches than the
        // objective's: s = e_cᵀR e_r of unit embeddings is off by ≤ 2δ (δ the decoder's bound), the logit by 2δ/β, and
        // −log σ is 1-Lipschitz; then the float32 sum over the pairs. Swapping chosen and rejected moves each term by |logit|.
        var tokens = pairs.Max(p => Math.Max(p.C.Ids.Count, p.R.Ids.Count));
        var logitError = 2 * FloatTolerance.Reward(model, tokens, 1) / model.Config.GeneralPreference!.Beta;
        var tolerance = pairs.Length * logitError + FloatTolerance.Of(ScalarType.Float32, 6L * pairs.Length, logits.Sum(Math.Abs));
        Assert.Equal(logits.Sum(PlainRewardLosses.NegLogSigmoid), result.Sum.to(ScalarType.Float64).item<double>(), tolerance);
        Assert.Equal(logits.Sum(), result.MetricSums["margin"], tolerance);
        Assert.Equal(logits.Count(l => l > 0), result.MetricSums["accuracy"]);
        // The group matrix of (c, r) holds σ(logit) at [0, 1] and 1 − σ(logit) at [1, 0].
        var groups = PreferenceLogits.Groups(model, pairs.Select(p => (IReadOnlyList<TokenizedSequence>)[p.C, p.R]).ToList()).data<double>().ToArray();
        for (var b = 0; b < pairs.Length; b++)
        {
            Assert.Equal(1 / (1 + Math.Exp(-logits[b])), groups[b * 4 + 1], logitError / 4);   // σ is ¼-Lipschitz
            Assert.Equal(1.0, groups[b * 4 + 1] + groups[b * 4 + 2], 9);
        }
    }

    /// <summary>
    /// Completions 5 ≻ 6 ≻ 7 ≻ 5: any scalar reward misorders one of the three pairs (at most 2/3 right). Measured: at
    /// β = 0.1 a learning rate of 3e-3 collapses the three embeddings onto one point (near collapse a GPM is, to first
    /// order, a BT model, whose optimum on a cycle is a tie); 1e-3 learns logits ≈ 8.4 on all three pairs.
    /// </summary>
    [Fact]
    public void A_gpm_learns_a_cycle_that_no_scalar_reward_can_represent()
    {
        using var model = Gpm(dimension: 4, gate: true, seed: 3);
        int[][] cycle = [[5, 6], [6, 7], [7, 5]];
        var examples = cycle.Select(p => new TokenizedPair(Seq([1, 4], [p[0], 2]), Seq([1, 4], [p[1], 2]))).ToList();
        var train = Enumerable.Repeat(examples, 8).SelectMany(e => e).ToList();
        RewardTraining.Train(model, train, null, new RewardObjectiveOptions { Loss = RewardLossKind.GeneralPreference },
            new PrefSharp.Torch.Training.Options.TrainingOptions { LearningRate = 1e-3, MaxSteps = 150, MicroBatchSize = 12, Seed = 1, CheckpointEvery = 0, LogEvery = 60, OutputDirectory = _directory });
        var logits = PreferenceLogits.Pairs(model, examples.Select(e => (e.Chosen, e.Rejected)).ToList());
        Assert.All(logits, l => Assert.True(l > 3.0, $"logits {string.Join(", ", logits.Select(x => x.ToString("F2")))}"));
    }
}
