using PrefSharp.Torch.LogProbs;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Models;

/// <summary>The decoders are trainable: next-token loss on a fixed padded batch falls, and every step frees its tensors.</summary>
public sealed class DecoderTrainingTests
{
    [Theory]
    [MemberData(nameof(TinyConfigs.All), MemberType = typeof(TinyConfigs))]
    public void Next_token_loss_falls_over_a_few_steps_and_no_tensor_leaks(string family)
    {
        using var model = TinyConfigs.Create(family, seed: 3);
        using var optimizer = optim.Adam(model.Module.parameters(), lr: 1e-2);
        manual_seed(4);
        using var ids = randint(0, 64, [4, 10]);                                   // (B, T)
        using var mask = ones(4, 10, ScalarType.Int64);
        mask[1, TensorIndex.Slice(0, 3)] = zeros(3, ScalarType.Int64);             // row 1 left-padded by 3
        Assert.Equal(37, mask.sum().item<long>());
        var liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        double Step()
        {
            using var scope = NewDisposeScope();
            var logits = model.forward(ids, mask).Logits;                          // (B, T, V)
            var logProbs = SequenceLogProbs.Compute(
                logits.narrow(1, 0, 9), ids.narrow(1, 1, 9), mask.narrow(1, 1, 9));
            var loss = -logProbs.PerSequence.sum() / mask.narrow(1, 1, 9).sum();
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var first = Step();
        var last = first;
        for (var i = 0; i < 15; i++) last = Step();
        Assert.True(last < first - 1.0, $"loss went from {first} to {last}; expected a drop of more than 1 nat");
        Assert.Equal(liveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
