using PrefSharp.Core.Judging;

namespace PrefSharp.Core.Tests.Judging;

/// <summary>Verdicts and scores read out of free judge text; text without one is an error, never a guess.</summary>
public class VerdictParserTests
{
    [Theory]
    [InlineData("Verdict: A", 1.0)]
    [InlineData("verdict: b", 0.0)]
    [InlineData("Both are fine. Verdict: tie", 0.5)]
    [InlineData("[[A]]", 1.0)]
    [InlineData("B", 0.0)]
    [InlineData("**Verdict:** [[B]]", 0.0)]
    [InlineData("At first I thought Verdict: A, but on reflection Verdict: B", 0.0)]
    public void Pairwise_parser_reads_the_last_verdict(string text, double expected) =>
        Assert.Equal(expected, VerdictParser.Pairwise(text));

    [Theory]
    [InlineData("Score: 7", 7.0)]
    [InlineData("I'd give it 6/10.", 6.0)]
    [InlineData("score = 8.5", 8.5)]
    [InlineData("3", 3.0)]
    public void Score_parser_reads_scores(string text, double expected) => Assert.Equal(expected, VerdictParser.Score(text));

    [Fact]
    public void Unparseable_answers_are_errors_that_quote_the_text()
    {
        Assert.Contains("I cannot decide", Assert.Throws<JudgeException>(() => VerdictParser.Pairwise("I cannot decide")).Message);
        Assert.Throws<JudgeException>(() => VerdictParser.Score("Score: 42"));
    }
}
