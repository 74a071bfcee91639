using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards.Likelihood;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards;

public sealed class FollowUpLikelihoodRewardTests
{
    /// <summary>log p of each follow-up token after "PROMPT: RESPONSE", from the full logits in double, per token.</summary>
    private static double PerTokenLogProb(ICausalLM model, string prompt, string response, string followUp)
    {
        var tokenizer = new ByteLevelTokenizer();
        var context = System.Text.Encoding.UTF8.GetBytes($"{prompt}: {response}").Select(b => (long)b).ToArray();
        var follow = System.Text.Encoding.UTF8.GetBytes(" " + followUp).Select(b => (long)b).ToArray();
        Assert.Equal(context.Length + follow.Length, tokenizer.Encode($"{prompt}: {response} {followUp}").Count);   // bytes are ids
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = tensor(context.Concat(follow).ToArray()).unsqueeze(0);
        var logProbs = model.forward(ids, ones_like(ids)).Logits[0].to_type(ScalarType.Float64).log_softmax(-1);
        var total = 0.0;
        for (var t = context.Length; t < context.Length + follow.Length; t++) total += logProbs[t - 1, follow[t - context.Length]].item<double>();
        return total / follow.Length;
    }

    [Fact]
    public void The_reward_is_the_mean_per_token_likelihood_of_praise_minus_that_of_complaint()
    {
        manual_seed(3);
        using var model = CausalLM.Create(ModelConfigJson.Parse(TinyConfigs.Json("llama").Replace("\"vocab_size\": 64", "\"vocab_size\": 257")));
        string[] positive = ["thanks", "great help"];
        string[] negative = ["wrong"];
        using var reward = new FollowUpLikelihoodReward(model, new ByteLevelTokenizer(), positive, negative);
        (string, string)[] items = [("music", "drum song"), ("food", "bread")];
        var rewards = reward.Score(items, batchSize: 4);                              // six sequences: padded batches
        for (var i = 0; i < items.Length; i++)
        {
            var (prompt, response) = items[i];
            var expected = positive.Average(f => PerTokenLogProb(model, prompt, response, f)) - negative.Average(f => PerTokenLogProb(model, prompt, response, f));
            Assert.Equal(expected, rewards[i], FloatTolerance.Of(ScalarType.Float32, 257 * 24, Math.Abs(expected) + 8));
        }
        Assert.Throws<ArgumentException>(() => new FollowUpLikelihoodReward(model, new ByteLevelTokenizer(), positive, []));
    }
}
