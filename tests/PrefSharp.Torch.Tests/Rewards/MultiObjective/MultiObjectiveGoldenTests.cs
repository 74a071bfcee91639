using PrefSharp.Torch.Rewards.MultiObjective;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Rewards.MultiObjective;

/// <summary>Hand-derived values of ArmoRM's verbosity adjustment and the prompt pooling the gate reads.</summary>
public sealed class MultiObjectiveGoldenTests
{
    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    [Fact]
    public void Verbosity_penalties_make_every_objective_uncorrelated_with_verbosity()
    {
        using var scope = NewDisposeScope();
        // Columns: quality q = [1, 2, 3], verbosity v = [1, 3, 2], a constant c = 5. Centred q = [−1, 0, 1], v = [−1, 1, 0]:
        // λ_q = Σ q̃ṽ / Σ ṽ² = 1/2, λ_v = 1, λ_c = 0.
        var reference = tensor(new double[,] { { 1, 1, 5 }, { 2, 3, 5 }, { 3, 2, 5 } });
        var penalties = VerbosityDecorrelation.Penalties(reference, 1);
        Assert.Equal([0.5, 1.0, 0.0], Values(penalties));
        // M = I − e_v λᵀ = [[1, 0, 0], [−½, 0, 0], [0, 0, 1]].
        var transform = VerbosityDecorrelation.TransformMatrix(penalties, 1);
        Assert.Equal([1, 0, 0, -0.5, 0, 0, 0, 0, 1], Values(transform.flatten()));
        // r' = r M: q' = q − ½v = [½, ½, 2], v' = 0, c' = c; Σ (q' − q̄')(v − v̄) = (−½)(−1) + (−½)(1) + 1·0 = 0.
        var adjusted = VerbosityDecorrelation.Apply(reference.to(ScalarType.Float32), transform);
        Assert.Equal([0.5, 0, 5, 0.5, 0, 5, 2, 0, 5], Values(adjusted.flatten()));
        Assert.Throws<ArgumentException>(() => VerbosityDecorrelation.Penalties(tensor(new double[,] { { 1, 2 }, { 3, 2 } }), 1));   // constant verbosity
        Assert.Throws<ArgumentException>(() => VerbosityDecorrelation.Penalties(reference, 3));
    }

    [Fact]
    public void Prompt_pooling_reads_the_token_before_the_first_scored_one()
    {
        using var scope = NewDisposeScope();
        var loss = tensor(new long[,] { { 0, 0, 1, 1 }, { 0, 1, 1, 0 }, { 0, 0, 0, 0 } });
        var attention = tensor(new long[,] { { 1, 1, 1, 1 }, { 1, 1, 1, 0 }, { 1, 1, 1, 0 } });
        // Row 0: first scored at 2 → 1; row 1: first scored at 1 → 0; row 2: nothing scored → last real token 2.
        Assert.Equal([1, 0, 2], PromptPooling.LastPromptIndex(loss, attention).data<long>().ToArray());
        var hidden = arange(24, dtype: ScalarType.Float32).reshape(3, 4, 2);
        // Row 0 position 1 → [2, 3]; row 1 position 0 → [8, 9]; row 2 position 2 → [20, 21].
        Assert.Equal([2, 3, 8, 9, 20, 21], Values(PromptPooling.Pool(hidden, loss, attention).flatten()));
    }
}
