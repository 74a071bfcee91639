using PrefSharp.Torch.Training.Optimization;
using Parameter = TorchSharp.Modules.Parameter;
using AdamW = PrefSharp.Torch.Training.Optimization.AdamW;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>
/// AdamW on bfloat16 and float16 parameters updates float32 masters: the parameter is always the rounded float32
/// trajectory, updates below the parameter's spacing are kept, and the saved state restores the masters.
/// </summary>
public sealed class MasterWeightTests
{
    // θ₀ = 1 with a constant gradient 1: every AdamW step is exactly −η (m̂ = 1, √v̂ = 1, ε negligible), so θ_t = 1 − t·η.
    // With η = 1e-3 each step is below half the bfloat16 spacing just under 1 (2⁻⁹ ≈ 1.95e-3): without a master, 1 − η
    // rounds back to 1 at every step and the parameter never moves.
    private static (Parameter Reduced, Parameter Full, AdamW Optimizer, AdamW Reference) Pair(ScalarType dtype)
    {
        var reduced = new Parameter(ones(2, 2, dtype));
        var full = new Parameter(ones(2, 2, ScalarType.Float32));
        return (reduced, full, new AdamW([("w", reduced)], weightDecay: 0), new AdamW([("w", full)], weightDecay: 0));
    }

    private static void Step(Parameter parameter, AdamW optimizer)
    {
        using (var scope = NewDisposeScope()) parameter.sum().backward();
        optimizer.Step(1e-3);
        optimizer.ZeroGrad();
    }

    [Theory]
    [InlineData(ScalarType.BFloat16)]
    [InlineData(ScalarType.Float16)]
    public void The_reduced_parameter_is_the_rounded_float32_trajectory_and_small_updates_accumulate(ScalarType dtype)
    {
        var (reduced, full, optimizer, reference) = Pair(dtype);
        using (reduced) using (full) using (optimizer) using (reference)
        {
            for (var step = 0; step < 20; step++)
            {
                Step(reduced, optimizer);
                Step(full, reference);
                Assert.Equal(dtype, reduced.dtype);
                Models.TensorAssert.BitIdentical(full.to(dtype), reduced, $"step {step + 1}: the parameter is not the rounded master");
            }
            Assert.True(reduced.to(ScalarType.Float64).max().item<double>() < 0.985, $"20 steps of 1e-3 left the parameter at {reduced.to(ScalarType.Float64).max().item<double>()}");
        }
    }

    [Fact]
    public void The_saved_state_restores_the_float32_masters_bit_identically()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("masters-").FullName, "optimizer.safetensors");
        var (reduced, full, optimizer, reference) = Pair(ScalarType.BFloat16);
        using var owned = reduced;
        using var straight = optimizer;
        full.Dispose();
        reference.Dispose();
        for (var step = 0; step < 3; step++) Step(reduced, optimizer);
        optimizer.SaveState(path);
        using var resumedParameter = new Parameter(ones(2, 2, ScalarType.BFloat16));   // deliberately not the trained value
        using var resumed = new AdamW([("w", resumedParameter)], weightDecay: 0);
        resumed.LoadState(path);
        Models.TensorAssert.BitIdentical(reduced, resumedParameter, "the restored master was not rounded into the parameter");
        for (var step = 0; step < 3; step++)
        {
            Step(reduced, optimizer);
            Step(resumedParameter, resumed);
        }
        Models.TensorAssert.BitIdentical(reduced, resumedParameter, "the resumed run left the straight one");
    }
}
