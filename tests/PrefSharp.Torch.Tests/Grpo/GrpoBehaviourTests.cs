using PrefSharp.Torch.Training.Grpo;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Grpo;

public class GrpoBehaviourTests
{
    [Fact]
    public void Tabular_policy_learns_the_rewarded_token_with_two_inner_iterations_per_batch()
    {
        // A one-token policy over 4 actions, reward 1 for action 0. Each step samples G = 8 actions for B = 4 prompts,
        // computes group advantages, and takes μ = 2 SGD steps on the clipped loss against the sampling log-probs.
        manual_seed(0);
        var logits = new TorchSharp.Modules.Parameter(zeros(4, ScalarType.Float64));
        var optimizer = optim.SGD([logits], 1.0);
        var generator = new Generator(5);
        double clippedSeen = 0;
        for (var step = 0; step < 15; step++)
        {
            using var scope = NewDisposeScope();
            Tensor actions, old;
            using (no_grad())
            {
                actions = multinomial(logits.softmax(0), 32, replacement: true, generator: generator);    // (B·G)
                old = logits.log_softmax(0)[actions].unsqueeze(1);                                         // (B·G, 1)
            }
            var advantages = GroupAdvantages.Compute(actions.eq(0).to(ScalarType.Float64), groupSize: 8);
            for (var inner = 0; inner < 2; inner++)
            {
                optimizer.zero_grad();
                var current = logits.log_softmax(0)[actions].unsqueeze(1);
                var result = GrpoLoss.Compute(new GrpoLossInputs(current, old, null, advantages, ones(32, 1, ScalarType.Int64)));
                result.Loss.backward();
                optimizer.step();
                if (inner == 1) clippedSeen = Math.Max(clippedSeen, result.ClipFraction.item<double>());
            }
        }
        var probability = logits.softmax(0)[0].item<double>();
        Assert.True(probability > 0.9, $"P(rewarded action) = {probability} after 15 steps (start 0.25)");
        Assert.True(clippedSeen > 0, "the second inner iteration never hit the clip");
    }
}
