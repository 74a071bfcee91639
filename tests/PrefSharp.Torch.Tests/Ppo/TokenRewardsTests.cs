using PrefSharp.Torch.Training.Ppo;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Ppo;

/// <summary>The KL penalty at every completion token and the sequence reward at the last one (Ziegler et al. 2019, Eq. 2).</summary>
public class TokenRewardsTests
{
    private static readonly double Tolerance = FloatTolerance.Of(ScalarType.Float32, 8, 4);

    [Fact]
    public void Penalty_sits_on_every_completion_token_and_the_score_on_the_last()
    {
        // Row 0 scores positions 1..2 (then padding), row 1 positions 0..3. β = 0.1.
        var old = tensor(new float[,] { { -1, -0.5f, -2, -9 }, { -1, -1, -1, -1 } });
        var reference = tensor(new float[,] { { -3, -1.5f, -1, -9 }, { -2, -0.5f, -1, -3 } });
        var mask = tensor(new float[,] { { 0, 1, 1, 0 }, { 1, 1, 1, 1 } });
        var scores = tensor(new float[] { 2, -1 });
        var rewards = TokenRewards.Compose(scores, old, reference, mask, 0.1);
        // Row 0: −0.1·(−0.5 + 1.5) = −0.1 at 1; −0.1·(−2 + 1) + 2 = 2.1 at 2; unscored positions 0.
        // Row 1: −0.1·[1, −0.5, 0, 2] = [−0.1, 0.05, 0, −0.2], plus −1 at position 3.
        double[,] expected = { { 0, -0.1, 2.1, 0 }, { -0.1, 0.05, 0, -1.2 } };
        for (var b = 0; b < 2; b++)
            for (var t = 0; t < 4; t++)
                Assert.Equal(expected[b, t], rewards[b, t].item<float>(), Tolerance);
    }

    [Fact]
    public void Without_a_penalty_only_the_last_token_is_rewarded()
    {
        var old = zeros(2, 3);
        var mask = tensor(new float[,] { { 1, 1, 0 }, { 0, 0, 0 } });
        var rewards = TokenRewards.Compose(tensor(new float[] { 5, 7 }), old, null, mask, 0.0);
        Assert.Equal([0f, 5f, 0f], rewards[0].data<float>().ToArray());
        Assert.Equal([0f, 0f, 0f], rewards[1].data<float>().ToArray());   // a row without completion tokens gets nothing
    }
}
