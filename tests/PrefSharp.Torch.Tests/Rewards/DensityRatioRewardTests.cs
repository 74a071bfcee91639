using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Likelihood;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

public sealed class DensityRatioRewardTests
{
    /// <summary>A tiny Llama over the 257 ids of the byte-level tokenizer (plain template).</summary>
    private static ICausalLM ByteModel(int seed)
    {
        manual_seed(seed);
        return CausalLM.Create(ModelConfigJson.Parse(TinyConfigs.Json("llama").Replace("\"vocab_size\": 64", "\"vocab_size\": 257")));
    }

    /// <summary>log p of the scored tokens of the gym text of (prompt, response), from the full logits in double.</summary>
    private static double LogProb(ICausalLM model, string prompt, string response)
    {
        var sequence = GymText.Example(ChatTemplate.For(new ByteLevelTokenizer(), ChatTemplateKind.Plain), prompt, response);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(sequence.Ids.Select(i => (long)i).ToArray()).unsqueeze(0);
        var logProbs = model.forward(ids, ones_like(ids)).Logits[0].to_type(ScalarType.Float64).log_softmax(-1);
        var total = 0.0;
        for (var t = 1; t < sequence.Ids.Count; t++)
            if (sequence.LossMask[t]) total += logProbs[t - 1, sequence.Ids[t]].item<double>();
        return total;
    }

    [Fact]
    public void The_reward_is_the_strong_models_log_likelihood_minus_the_weak_ones()
    {
        using var strong = ByteModel(1);
        using var weak = ByteModel(2);
        var tokenizer = new ByteLevelTokenizer();
        using var reward = new DensityRatioReward(strong, tokenizer, weak, tokenizer);
        (string, string)[] items = [("music", "drum song"), ("sport", "team goal race"), ("food", "bread")];
        var rewards = reward.Score(items, batchSize: 2);                      // two batches, one padded row
        for (var i = 0; i < items.Length; i++)
        {
            var expected = LogProb(strong, items[i].Item1, items[i].Item2) - LogProb(weak, items[i].Item1, items[i].Item2);
            // float32 log-softmax over 257 logits per token and sums over ≤ 16 tokens, against double
            Assert.Equal(expected, rewards[i], FloatTolerance.Of(ScalarType.Float32, 257 * 16, Math.Abs(expected) + 16));
        }

        using var self = new DensityRatioReward(strong, tokenizer, strong, tokenizer);
        Assert.All(self.Score(items), r => Assert.Equal(0.0, r));            // the same ids under the same model: exactly 0

        var scores = reward.AsSource().Score([new CompletionGroup("music", ["drum song", "bread"])]);
        Assert.Equal(reward.Score([("music", "drum song"), ("music", "bread")]), scores.Rewards);
    }
}
