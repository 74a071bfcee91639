using PrefSharp.Core.Gym;

namespace PrefSharp.Core.Tests.Gym;

public sealed class SimulatedArenaTests
{
    [Fact]
    public void Battles_are_deterministic_for_a_seed_and_never_self_play()
    {
        var arena = SimulatedArena.WithSpreadStrengths(models: 6, seed: 3);
        var first = arena.Battles(2000, seed: 5).ToList();
        Assert.Equal(first, arena.Battles(2000, seed: 5).ToList());
        Assert.NotEqual(first, arena.Battles(2000, seed: 6).ToList());
        Assert.All(first, b => Assert.NotEqual(b.ItemA, b.ItemB));
        Assert.Equal(6, first.Select(b => b.ItemA).Concat(first.Select(b => b.ItemB)).Distinct().Count());
    }

    [Fact]
    public void Stronger_models_win_more_often()
    {
        var arena = new SimulatedArena([2.0, 0.0, -2.0]);
        var battles = arena.Battles(6000, seed: 1).ToList();
        double WinRate(string model) =>
            battles.Where(b => b.ItemA == model || b.ItemB == model)
                   .Average(b => b.ItemA == model ? b.ScoreA : 1 - b.ScoreA);
        Assert.True(WinRate("model-00") > 0.75);
        Assert.InRange(WinRate("model-01"), 0.4, 0.6);
        Assert.True(WinRate("model-02") < 0.25);
    }
}
