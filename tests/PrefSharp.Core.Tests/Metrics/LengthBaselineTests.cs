using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Tests.Metrics;

public sealed class LengthBaselineTests
{
    [Fact]
    public void The_longer_completion_wins_and_equal_lengths_count_half()
    {
        // longer chosen (1) + shorter chosen (0) + equal (½) + longer chosen (1) = 2.5 of 4 = 0.625
        var pairs = new[] { ("long answer", "short"), ("no", "yes!"), ("abc", "xyz"), ("four", "one") };
        Assert.Equal(0.625, LengthBaseline.Accuracy(pairs), 12);
    }
}
