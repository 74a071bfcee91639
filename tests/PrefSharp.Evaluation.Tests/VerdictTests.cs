using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Evaluation.Tests;

/// <summary>Arena-Hard's five labels, the plain A/B/tie preference, and answers that hold no verdict.</summary>
public class VerdictTests
{
    [Theory]
    [InlineData("My own answer…\nMy final verdict is: [[A>>B]]", 1.0, true, "strong")]
    [InlineData("[[A>B]]", 1.0, false, "slight")]
    [InlineData("Both fine. [[A=B]]", 0.5, false, "tie")]
    [InlineData("[[B>A]]", 0.0, false, "slight")]
    [InlineData("B is far better: [[B>>A]]. Again: [[B>>A]]", 0.0, true, "strong")]
    [InlineData("Verdict: A", 1.0, false, "preference")]
    [InlineData("[[B]]", 0.0, false, "preference")]
    [InlineData("Verdict: tie", 0.5, false, "tie")]
    public void Labels_are_read(string text, double firstWins, bool strong, string strength)
    {
        var verdict = Verdict.Parse(text)!;
        Assert.Equal((firstWins, strong, strength), (verdict.FirstWins, verdict.Strong, verdict.Strength));
    }

    [Theory]
    [InlineData("I think the first is better overall.")]
    [InlineData("Earlier I wrote [[A>B]] but on reflection [[B>A]].")]
    [InlineData("")]
    public void Answers_without_one_clear_verdict_are_null(string text) => Assert.Null(Verdict.Parse(text));
}
