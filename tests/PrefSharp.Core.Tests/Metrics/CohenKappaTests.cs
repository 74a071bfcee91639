using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Metrics;

public sealed class CohenKappaTests
{
    private static (string[] First, string[] Second) Table(params (string A, string B, int Count)[] cells) =>
        (cells.SelectMany(cell => Enumerable.Repeat(cell.A, cell.Count)).ToArray(),
         cells.SelectMany(cell => Enumerable.Repeat(cell.B, cell.Count)).ToArray());

    [Fact]
    public void Two_by_two_textbook_table()
    {
        // Wikipedia "Cohen's kappa", first example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15.
        // p_o = 35/50 = 0.7; p_yes = 0.5·0.6 = 0.30, p_no = 0.5·0.4 = 0.20, p_e = 0.5; κ = (0.7 − 0.5)/(1 − 0.5) = 0.4.
        var (first, second) = Table(("yes", "yes", 20), ("yes", "no", 5), ("no", "yes", 10), ("no", "no", 15));

        Assert.Equal(0.4, CohenKappa.Compute(first, second), 12);
    }

    [Fact]
    public void Three_labels_by_hand()
    {
        // Rater 1: a a a b b c; rater 2: a a b b c c. p_o = 4/6.
        // Marginals: rater 1 a 3, b 2, c 1; rater 2 a 2, b 2, c 2 → p_e = (3·2 + 2·2 + 1·2)/36 = 12/36 = 1/3.
        // κ = (2/3 − 1/3)/(1 − 1/3) = 1/2.
        Assert.Equal(0.5, CohenKappa.Compute(["a", "a", "a", "b", "b", "c"], ["a", "a", "b", "b", "c", "c"]), 12);
    }

    [Fact]
    public void Perfect_agreement_is_one_and_systematic_disagreement_is_negative()
    {
        Assert.Equal(1.0, CohenKappa.Compute(["x", "y", "x"], ["x", "y", "x"]), 12);
        // p_o = 0, p_e = 0.5 → κ = −1
        Assert.Equal(-1.0, CohenKappa.Compute(["x", "y"], ["y", "x"]), 12);
    }

    [Fact]
    public void Undefined_when_chance_agreement_is_certain()
    {
        Assert.True(double.IsNaN(CohenKappa.Compute(["x", "x"], ["x", "x"])));
        Assert.True(double.IsNaN(CohenKappa.Compute(Array.Empty<string>(), Array.Empty<string>())));
    }
}
