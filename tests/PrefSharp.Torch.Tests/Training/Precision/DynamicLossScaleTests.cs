using PrefSharp.Torch.Training.Optimization;

namespace PrefSharp.Torch.Tests.Training.Precision;

/// <summary>The dynamic loss scale: halved and the update skipped on overflow, doubled after the growth interval.</summary>
public sealed class DynamicLossScaleTests
{
    [Fact]
    public void An_overflow_halves_the_scale_and_skips_the_update()
    {
        var scale = new DynamicLossScale();
        Assert.True(scale.Update(3.0));
        Assert.False(scale.Update(double.PositiveInfinity));
        Assert.False(scale.Update(double.NaN));
        Assert.Equal(DynamicLossScale.InitialScale / 4, scale.Scale);
        Assert.Equal(2, scale.Skipped);
        Assert.Equal(0, scale.GoodUpdates);
    }

    [Fact]
    public void The_scale_doubles_after_the_growth_interval_of_finite_updates()
    {
        var scale = new DynamicLossScale();
        for (var i = 1; i < DynamicLossScale.GrowthInterval; i++) Assert.True(scale.Update(1.0));
        Assert.Equal(DynamicLossScale.InitialScale, scale.Scale);
        scale.Update(1.0);
        Assert.Equal(2 * DynamicLossScale.InitialScale, scale.Scale);
        Assert.Equal(0, scale.GoodUpdates);
    }
}
