using PrefSharp.Core.Data;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Kto;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Kto;

public sealed class KtoObjectiveTests
{
    [Fact]
    public void Rows_pair_each_completion_with_the_next_judgements_completion_and_carry_the_label()
    {
        PreferenceRecord[] records =
        [
            new UnpairedJudgement(Passage.FromText("a?"), Passage.FromText("yes"), true),
            new UnpairedJudgement(Passage.FromText("b?"), Passage.FromText("no"), false),
            new Battle("m", "n", BattleOutcome.A),
        ];
        var tokenizer = new ByteLevelTokenizer();
        var (rows, skipped) = KtoEncoding.EncodeAll(records, tokenizer, ChatTemplateKind.Plain, 64);
        Assert.Equal(1, skipped);
        var plain = new PlainTemplate(tokenizer);
        Assert.Equal(plain.PromptCompletion("a?", "yes").Ids, rows[0].Chosen.Ids);
        Assert.Equal(plain.PromptCompletion("a?", "no").Ids, rows[0].Rejected.Ids);      // prompt 0 with completion 1
        Assert.Equal(plain.PromptCompletion("b?", "yes").Ids, rows[1].Rejected.Ids);     // prompt 1 with completion 0
        Assert.Equal([1.0, 0.0], rows.Select(r => r.Weight!.Value));
    }

    [Fact]
    public void The_objective_is_the_unpaired_kto_loss_with_the_mismatched_reference_point()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 4);
        using var referenceModel = TinyConfigs.Create("gpt2", seed: 5);
        var random = new Random(3);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 64)).ToArray();
        var rows = Enumerable.Range(0, 4).Select(i => new TokenizedPair(TokenizedSequence.PromptCompletion(Tokens(3), Tokens(3)),
            TokenizedSequence.PromptCompletion(Tokens(3), Tokens(4)), i % 2 == 0 ? 1.0 : 0.0)).ToList();
        var options = new PreferenceLossOptions { Beta = 0.5, KtoDesirableWeight = 1.0, KtoUndesirableWeight = 2.0 };
        var objective = new KtoObjective(policy, new FrozenReference(referenceModel), options);
        using var batch = TokenizedPair.Collate(rows, 0);
        using var noGrad = no_grad();
        var result = objective.Compute(batch);
        // plain double: ratio_i = log πθ − log π_ref of the judged completion; z₀ = max(0, mean of the mismatched ratios);
        // desirable: λ_D·(1 − σ(β(r − z₀))), undesirable: λ_U·(1 − σ(β(z₀ − r)))
        var (policyJudged, policyMismatched) = PairColumns.LogProbs(policy, rows, 0, 4);
        var (referenceJudged, referenceMismatched) = PairColumns.LogProbs(referenceModel, rows, 0, 4);
        var z0 = Math.Max(0, Enumerable.Range(0, 4).Average(i => policyMismatched[i] - referenceMismatched[i]));
        double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        var expected = Enumerable.Range(0, 4).Sum(i =>
        {
            var ratio = policyJudged[i] - referenceJudged[i];
            return i % 2 == 0 ? 1.0 * (1 - Sigmoid(0.5 * (ratio - z0))) : 2.0 * (1 - Sigmoid(0.5 * (z0 - ratio)));
        });
        // the same forward passes in float32 both ways; then float32 vs double over a few operations per row, |loss| ≤ 2 each
        Assert.Equal(expected, result.Sum.item<float>(), FloatTolerance.Of(ScalarType.Float32, 64, 8));
        Assert.Equal(4 * z0, result.MetricSums["kl"], FloatTolerance.Of(ScalarType.Float32, 64, 4 * z0));
        Assert.Equal(2.0, result.MetricSums["count/desirable"]);
    }

    [Fact]
    public void The_apo_zero_objective_is_the_unpaired_apo_zero_loss_without_a_reference_point()
    {
        using var policy = TinyConfigs.Create("gpt2", seed: 4);
        using var referenceModel = TinyConfigs.Create("gpt2", seed: 5);
        var random = new Random(7);
        int[] Tokens(int n) => Enumerable.Range(0, n).Select(_ => random.Next(3, 64)).ToArray();
        var rows = Enumerable.Range(0, 4).Select(i => new TokenizedPair(TokenizedSequence.PromptCompletion(Tokens(3), Tokens(3)),
            TokenizedSequence.PromptCompletion(Tokens(3), Tokens(4)), i < 3 ? 1.0 : 0.0)).ToList();
        var objective = new KtoObjective(policy, new FrozenReference(referenceModel), new PreferenceLossOptions { Beta = 0.5 }, PreferenceLossType.ApoZero);
        using var batch = TokenizedPair.Collate(rows, 0);
        using var noGrad = no_grad();
        var result = objective.Compute(batch);
        // plain double: r = β·(log πθ − log π_ref) of the judged completion; desirable 1 − σ(r), undesirable σ(r)
        var (policyJudged, _) = PairColumns.LogProbs(policy, rows, 0, 4);
        var (referenceJudged, _) = PairColumns.LogProbs(referenceModel, rows, 0, 4);
        double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
        var expected = Enumerable.Range(0, 4).Sum(i =>
        {
            var reward = Sigmoid(0.5 * (policyJudged[i] - referenceJudged[i]));
            return i < 3 ? 1 - reward : reward;
        });
        Assert.Equal(expected, result.Sum.item<float>(), FloatTolerance.Of(ScalarType.Float32, 64, 4));
        Assert.Throws<ArgumentException>(() => new KtoObjective(policy, new FrozenReference(referenceModel), new PreferenceLossOptions(), PreferenceLossType.Sigmoid));
    }
}
