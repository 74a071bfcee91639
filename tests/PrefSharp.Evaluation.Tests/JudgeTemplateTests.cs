using PrefSharp.Core.Judging;
using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Evaluation.Tests;

/// <summary>The shipped template and a user's own: rendering, the hash in the cache key, and bad templates.</summary>
public class JudgeTemplateTests
{
    [Fact]
    public void The_default_asks_for_the_five_labels_in_the_layout_a_gym_judge_reads()
    {
        var messages = JudgeTemplate.Load(null).Render("Sort 3 1 2", "1 2 3", "3 2 1");

        Assert.Contains("[[A>>B]]", messages[0].Content);
        Assert.Equal(("Sort 3 1 2", "1 2 3", "3 2 1"), JudgePrompts.ReadPairwise(messages[1].Content));
    }

    [Fact]
    public void A_user_template_replaces_the_prompt_and_changes_the_hash()
    {
        using var folder = new TempFolder();
        var path = folder.Write("t.txt", "Be brief.\n---\nQ: {instruction}\nA: {output_a}\nB: {output_b}\n");
        var template = JudgeTemplate.Load(path);

        Assert.Equal(["Be brief.", "Q: q\nA: a\nB: b"], template.Render("q", "a", "b").Select(m => m.Content));
        Assert.NotEqual(JudgeTemplate.Load(null).Hash, template.Hash);
        var bad = folder.Write("bad.txt", "Be brief.\n---\nQ: {instruction}\nA: {output_a}\n");
        Assert.Contains("lacks {output_b}", Assert.Throws<FormatException>(() => JudgeTemplate.Load(bad)).Message);
    }
}
