using PrefSharp.Recipes.Curation;

namespace PrefSharp.Recipes.Tests.Curation;

public sealed class PreferenceCurationTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public void Pairs_every_member_reverses_below_the_threshold_are_flagged_and_weak_ones_dropped_by_agreement()
    {
        // Two members, four pairs; gaps r(chosen) − r(rejected) per member:
        // pair 0: +2, +1 (agree with the label)     → strengths σ(2) = 0.881, σ(1) = 0.731
        // pair 1: −2, −1.5 (both reverse it)        → 0.119, 0.182: mean 0.150 < 0.3, all < ½: flagged
        // pair 2: −2, +0.5 (members disagree)       → 0.119, 0.622: mean 0.371, not flagged
        // pair 3: −3, −0.1 (mean 0.262, both < ½)   → flagged
        double[][] chosen = [[2, -2, -2, -3], [1, -1.5, 0.5, -0.1]];
        double[][] rejected = [[0, 0, 0, 0], [0, 0, 0, 0]];
        var rows = PreferenceCuration.Decide(chosen, rejected, new CurationRules { MinStrength = 0.5 });

        double[] expectedMeans = [(Sigmoid(2) + Sigmoid(1)) / 2, (Sigmoid(-2) + Sigmoid(-1.5)) / 2, (Sigmoid(-2) + Sigmoid(0.5)) / 2, (Sigmoid(-3) + Sigmoid(-0.1)) / 2];
        for (var i = 0; i < 4; i++) Assert.Equal(expectedMeans[i], rows[i].MeanStrength, 1e-12);
        Assert.Equal(Math.Abs(Sigmoid(-2) - Sigmoid(0.5)) / 2, rows[2].StrengthStd, 1e-12);   // population std of two values
        Assert.Equal([false, true, false, true], rows.Select(r => r.Flagged));
        Assert.Equal([CurationDecision.Kept, CurationDecision.DroppedFlagged, CurationDecision.DroppedDisagreement, CurationDecision.DroppedFlagged],
            rows.Select(r => r.Decision));

        var flipped = PreferenceCuration.Decide(chosen, rejected, new CurationRules { FlipFlagged = true });
        Assert.Equal([CurationDecision.Kept, CurationDecision.Flipped, CurationDecision.Kept, CurationDecision.Flipped], flipped.Select(r => r.Decision));
    }

    [Fact]
    public void Deciles_average_the_strengths_in_tenths_from_the_weakest()
    {
        var rows = Enumerable.Range(0, 20).Select(i => new CuratedPair(i, (19 - i) / 20.0, 0, false, CurationDecision.Kept)).ToList();
        var deciles = PreferenceCuration.Deciles(rows);
        Assert.Equal(10, deciles.Count);
        Assert.All(deciles, d => Assert.Equal(2, d.Count));
        Assert.Equal(0.025, deciles[0].MeanStrength, 1e-12);   // (0 + 0.05) / 2
        Assert.Equal(0.925, deciles[9].MeanStrength, 1e-12);   // (0.9 + 0.95) / 2
    }

    [Theory]
    [InlineData(0.0, null, "MaxStrength")]
    [InlineData(0.6, null, "MaxStrength")]
    [InlineData(0.3, 1.0, "MinStrength")]
    public void Rules_out_of_range_name_themselves(double max, double? min, string name)
    {
        var error = Assert.Throws<ArgumentException>(() => new CurationRules { MaxStrength = max, MinStrength = min }.Validate());
        Assert.Equal(name, error.ParamName);
    }
}
