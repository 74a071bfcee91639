using PrefSharp.Core.Judging;

namespace PrefSharp.Core.Tests.Judging;

/// <summary>The pairwise judge question reads back into the prompt and responses it was written from.</summary>
public class JudgePromptsTests
{
    [Fact]
    public void A_pairwise_question_reads_back_and_other_text_does_not()
    {
        var user = JudgePrompts.Pairwise("sort 3 1 2", "1 2 3\n\nwith a blank line", "3 2 1")[^1].Content;
        Assert.Equal(("sort 3 1 2", "1 2 3\n\nwith a blank line", "3 2 1"), JudgePrompts.ReadPairwise(user));
        Assert.Null(JudgePrompts.ReadPairwise("What is 2+2?"));
        Assert.Null(JudgePrompts.ReadPairwise(JudgePrompts.Pointwise("p", "r")[^1].Content));
    }
}
