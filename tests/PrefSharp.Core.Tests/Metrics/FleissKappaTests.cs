using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Metrics;

public sealed class FleissKappaTests
{
    [Fact]
    public void Worked_example_of_ten_subjects_and_fourteen_raters()
    {
        // Wikipedia "Fleiss' kappa", worked example: 10 subjects × 14 raters × 5 categories.
        // P̄ = 0.378, P̄_e = 0.213, κ = 0.210 (to three decimals).
        int[][] counts =
        [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
        ];

        Assert.Equal(0.210, FleissKappa.Compute(counts), 3);
    }

    [Fact]
    public void Two_raters_by_hand()
    {
        // 4 items, 2 raters, 2 categories: two agreements in category 0, two disagreements.
        // P_i = 1, 1, 0, 0 → P̄ = 0.5; p = (6/8, 2/8) → P̄_e = 0.5625 + 0.0625 = 0.625; κ = (0.5 − 0.625)/0.375 = −1/3.
        int[][] counts = [[2, 0], [2, 0], [1, 1], [1, 1]];

        Assert.Equal(-1.0 / 3.0, FleissKappa.Compute(counts), 12);
    }

    [Fact]
    public void Rejects_items_with_different_numbers_of_raters()
    {
        int[][] counts = [[2, 0], [1, 2]];

        Assert.Throws<ArgumentException>(() => FleissKappa.Compute(counts));
    }
}
