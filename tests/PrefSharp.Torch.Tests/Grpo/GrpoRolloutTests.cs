using PrefSharp.Torch.Generation;
using PrefSharp.Torch.LogProbs;
using PrefSharp.Torch.Tests.Models;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class GrpoRolloutTests
{
    [Fact]
    public void Rollout_groups_by_prompt_masks_the_prompt_and_its_old_log_probs_match_a_recomputation()
    {
        using var model = TinyConfigs.Create("llama");
        model.Module.eval();
        IReadOnlyList<long>[] prompts = [[5, 6, 7], [9, 10]];
        var options = new GenerationOptions { MaxNewTokens = 6, Seed = 11, StopAtEos = false, PadTokenId = 0 };
        using var rollout = GrpoRollout.Generate(model, prompts, groupSize: 3, options, reference: model);

        Assert.Equal(6, rollout.Batch.Count);                       // B·G = 2·3
        Assert.Equal(2, rollout.PromptCount);
        var ids = rollout.Batch.InputIds;
        for (var row = 0; row < 6; row++)
        {
            var prompt = prompts[row / 3];                          // rows 0–2 answer prompt 0, rows 3–5 prompt 1
            Assert.Equal(prompt, ids[row].data<long>().Take(prompt.Count).ToArray());
            Assert.Equal(0, rollout.Batch.LossMask[row].narrow(0, 0, prompt.Count).sum().item<long>());
            Assert.Equal(rollout.Completions[row].Count, rollout.Batch.LossMask[row].sum().item<long>());
            Assert.Equal(6, rollout.Completions[row].Count);        // no stop token: all 6 steps
        }
        Assert.Equal(new long[] { 6, 8 }, rollout.OldLogProbs.shape); // (B·G, T − 1), T = 3 + 6

        // Temperature 1 without truncation: the sampler's log-probs equal a fresh forward pass, position by position.
        var (recomputed, _) = CompletionLogProbs.Compute(model, rollout.Batch);
        TensorAssert.Close(recomputed.PerToken, rollout.OldLogProbs, 1e-4, "old log-probs");
        TensorAssert.Close(recomputed.PerToken, rollout.RefLogProbs!, 1e-6, "reference log-probs");
        Assert.Equal(0, (rollout.OldLogProbs * (1 - rollout.ScoredMask())).abs().sum().item<float>());
    }

    [Fact]
    public void Rollout_feeds_the_loss_end_to_end()
    {
        using var model = TinyConfigs.Create("gpt2");
        using var rollout = GrpoRollout.Generate(model, [[3, 4]], 4, new GenerationOptions { MaxNewTokens = 4, Seed = 2, PadTokenId = 0 });
        using var rewards = tensor(new double[] { 1, 0, 0, 1 });
        using var advantages = GroupAdvantages.Compute(rewards, rollout.GroupSize);
        var (logProbs, _) = CompletionLogProbs.Compute(model, rollout.Batch);
        var result = GrpoLoss.Compute(new GrpoLossInputs(logProbs.PerToken, rollout.OldLogProbs, null, advantages.to(ScalarType.Float32), rollout.ScoredMask()));
        result.Loss.backward();
        Assert.True(double.IsFinite(result.Loss.item<float>()));
        Assert.Equal(0.0, result.ClipFraction.item<float>(), 5);   // first inner iteration: ratio ≈ 1, nothing clipped
    }
}
