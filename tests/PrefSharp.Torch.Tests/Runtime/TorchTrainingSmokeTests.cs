using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Runtime;

/// <summary>Proof that libtorch runs here: a small module trains on CPU, and no tensor outlives its step.</summary>
public sealed class TorchTrainingSmokeTests
{
    [Fact]
    public void A_small_regression_trains_and_leaves_no_live_tensors()
    {
        torch.manual_seed(7);
        using var model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 1));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.02);
        using var weights = tensor(new float[] { 1.5f, -2f, 0.5f, 3f }).reshape(4, 1);
        var liveBefore = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        double Step()
        {
            using var scope = NewDisposeScope();
            var x = randn(64, 4);
            var loss = nn.functional.mse_loss(model.forward(x), x.matmul(weights));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var first = Step();
        var last = first;
        for (var i = 0; i < 150; i++) last = Step();

        Assert.True(last < first / 20, $"loss went from {first} to {last}; expected a 20-fold drop");
        Assert.Equal(liveBefore, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
