using PrefSharp.Torch.Training.Optimization;
using PrefSharp.Torch.Training.Options;
using TorchSharp;
using Parameter = TorchSharp.Modules.Parameter;
using AdamW = PrefSharp.Torch.Training.Optimization.AdamW;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>AdamW against hand-derived values and against torch's own AdamW; the schedule at golden steps; global-norm clipping.</summary>
public sealed class OptimizationTests
{
    [Fact]
    public void AdamW_two_steps_match_the_hand_derivation()
    {
        // θ₀ = 1 (a 1×1 matrix, so it is decayed), η = 0.1, λ = 0.01, β = (0.9, 0.999), ε = 1e-8.
        // Step 1, g = 0.5: θ ← 1·(1 − 0.1·0.01) = 0.999; m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25, √v̂ = 0.5;
        //   θ ← 0.999 − 0.1·0.5/(0.5 + 1e-8) = 0.899000002.
        // Step 2, g = −0.25: θ ← 0.899000002·0.999; m = 0.045 − 0.025 = 0.02, v = 0.999·0.00025 + 0.001·0.0625 = 0.00031225;
        //   m̂ = 0.02/0.19 = 0.1052631579, v̂ = 0.00031225/0.001999 = 0.1562031016, √v̂ = 0.3952253807;
        //   θ ← 0.898101002 − 0.1·0.1052631579/(0.3952253807 + 1e-8) = 0.8714672987.
        using var parameter = new Parameter(tensor(new[,] { { 1.0 } }, dtype: ScalarType.Float64));
        using var optimizer = new AdamW([("w", parameter)], weightDecay: 0.01);
        double[] expected = [0.899000002, 0.8714672987058463];
        double[] gradients = [0.5, -0.25];
        for (var step = 0; step < 2; step++)
        {
            using (var scope = NewDisposeScope())
                (parameter * gradients[step]).sum().backward();
            optimizer.Step(0.1);
            optimizer.ZeroGrad();
            Assert.Equal(expected[step], parameter.item<double>(), 12);
        }
    }

    [Fact]
    public void AdamW_matches_torch_AdamW_over_five_steps_and_its_saved_state_resumes_bit_identically()
    {
        manual_seed(11);
        using var initial = randn(4, 3);
        using var mine = new Parameter(initial.clone());
        using var theirs = new Parameter(initial.clone());
        using var reloaded = new Parameter(initial.clone());
        using var optimizer = new AdamW([("w", mine)], beta1: 0.8, beta2: 0.95, epsilon: 1e-6, weightDecay: 0.1);
        using var reference = optim.AdamW([theirs], lr: 0.05, beta1: 0.8, beta2: 0.95, eps: 1e-6, weight_decay: 0.1);
        using var target = randn(4, 3);
        var path = Path.Combine(Directory.CreateTempSubdirectory("adamw-").FullName, "optimizer.safetensors");
        for (var step = 0; step < 5; step++)
        {
            foreach (var p in new[] { mine, theirs })
            {
                using var scope = NewDisposeScope();
                (p - target).pow(2).sum().backward();
            }
            optimizer.Step(0.05);
            reference.step();
            optimizer.ZeroGrad();
            reference.zero_grad();
            if (step == 2)
            {
                optimizer.SaveState(path);
                using var noGrad = no_grad();
                reloaded.copy_(mine);
            }
        }
        Assert.True(mine.allclose(theirs, rtol: 1e-5, atol: 1e-6), "my AdamW drifted from torch's AdamW");

        // Resume from step 3: a fresh optimiser with the saved state takes the same last two steps bit for bit.
        var expectedFinal = mine.clone();
        mine.requires_grad_(false);
        using (var noGrad = no_grad()) mine.copy_(reloaded);
        mine.requires_grad_(true);
        using var resumed = new AdamW([("w", mine)], beta1: 0.8, beta2: 0.95, epsilon: 1e-6, weightDecay: 0.1);
        resumed.LoadState(path);
        Assert.Equal(3, resumed.StepCount);
        for (var step = 3; step < 5; step++)
        {
            using (var scope = NewDisposeScope()) (mine - target).pow(2).sum().backward();
            resumed.Step(0.05);
            resumed.ZeroGrad();
        }
        PrefSharp.Torch.Tests.Models.TensorAssert.BitIdentical(expectedFinal, mine, "resumed AdamW parameter");
        expectedFinal.Dispose();
    }

    [Theory]
    // peak 1, warm-up 10, total 110, min ratio 0.1. Warm-up: s/10. Cosine: p = (s − 10)/100,
    // lr = 0.1 + 0.9·½(1 + cos πp): p = 0 → 1; p = 0.25 → 0.1 + 0.45·(1 + 0.7071067812) = 0.8681980515; p = 0.5 → 0.55; p = 1 → 0.1.
    [InlineData(1, 0.1)]
    [InlineData(5, 0.5)]
    [InlineData(10, 1.0)]
    [InlineData(35, 0.8681980515339464)]
    [InlineData(60, 0.55)]
    [InlineData(110, 0.1)]
    [InlineData(200, 0.1)]
    public void Cosine_schedule_golden_values(long step, double expected)
    {
        var options = new TrainingOptions { LearningRate = 1.0, WarmupSteps = 10, MinLearningRateRatio = 0.1 };
        Assert.Equal(expected, LearningRates.At(options, step, 110), 12);
        var constant = options with { Schedule = LearningRateSchedule.Constant };
        Assert.Equal(step <= 10 ? step / 10.0 : 1.0, LearningRates.At(constant, step, 110), 12);
    }

    [Fact]
    public void Global_norm_clipping_scales_all_gradients_together()
    {
        // Gradients (3) and (0, 4): global norm √(9 + 16) = 5; clipped to 1 they become (3, 0, 4)/(5 + 1e-6).
        using var a = new Parameter(zeros(1));
        using var b = new Parameter(zeros(2));
        using (var scope = NewDisposeScope())
            ((a * tensor(new[] { 3f })).sum() + (b * tensor(new[] { 0f, 4f })).sum()).backward();
        // 3, 4, 9 + 16 = 25 and √25 = 5 are exact in float32; the clip factor and the scaled gradient add ≤ 4 roundings
        // (on terms ≤ 1), the norm of the clipped (0.6, 0, 0.8) ≤ 6. Not clipping leaves 3 and 4; clipping each tensor
        // alone gives 1 and 1.
        var tolerance = FloatTolerance.Of(ScalarType.Float32, 6, 1);
        Assert.Equal(5.0, GradientClipping.ClipGlobalNorm([a, b], maxNorm: 1.0));
        using var scope2 = NewDisposeScope();
        Assert.Equal(3 / (5 + 1e-6), a.grad!.item<float>(), tolerance);
        Assert.Equal(4 / (5 + 1e-6), b.grad![1].item<float>(), tolerance);
        Assert.Equal(1.0, GradientClipping.ClipGlobalNorm([a, b], maxNorm: 10.0), tolerance);   // below the bound: unchanged
        Assert.Equal(4 / (5 + 1e-6), b.grad![1].item<float>(), tolerance);
    }

    [Theory]
    [InlineData("LearningRate")]
    [InlineData("Beta2")]
    [InlineData("MicroBatchSize")]
    [InlineData("MinLearningRateRatio")]
    public void Invalid_options_name_the_option(string option)
    {
        var options = option switch
        {
            "LearningRate" => new TrainingOptions { LearningRate = 0 },
            "Beta2" => new TrainingOptions { Beta2 = 1.0 },
            "MicroBatchSize" => new TrainingOptions { MicroBatchSize = 0 },
            _ => new TrainingOptions { MinLearningRateRatio = 1.5 },
        };
        var error = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Equal(option, error.ParamName);
        Assert.Contains(option, error.Message);
        new TrainingOptions().Validate();
    }
}
