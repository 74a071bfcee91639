using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

public sealed class PromptSplitTests
{
    [Fact]
    public void No_prompt_is_on_both_sides_and_the_held_out_share_is_the_ceiling_of_the_fraction()
    {
        // 10 prompts with 3 records each; fraction 0.25 → ⌈2.5⌉ = 3 prompts (9 records) held out.
        var records = Enumerable.Range(0, 30).Select(i => (Prompt: $"p{i % 10}", Index: i)).ToList();
        var (train, heldOut) = PromptSplit.Split(records, r => r.Prompt, 0.25, seed: 4);
        Assert.Equal(9, heldOut.Count);
        Assert.Equal(21, train.Count);
        Assert.Empty(train.Select(r => r.Prompt).Intersect(heldOut.Select(r => r.Prompt)));
        Assert.Equal(heldOut, PromptSplit.Split(records, r => r.Prompt, 0.25, seed: 4).HeldOut);   // same seed, same split
        Assert.True(heldOut.Zip(heldOut.Skip(1)).All(p => p.First.Index < p.Second.Index));         // input order kept
    }

    [Fact]
    public void Bad_fractions_name_the_option()
    {
        var records = new[] { "a", "b" };
        Assert.Contains("--eval-split", Assert.Throws<ArgumentException>(() => PromptSplit.Split(records, r => r, 0, 1)).Message);
        Assert.Contains("--eval-split", Assert.Throws<ArgumentException>(() => PromptSplit.Split(records, r => r, 1, 1)).Message);
        Assert.Contains("2 distinct prompts", Assert.Throws<ArgumentException>(() => PromptSplit.Split(["a", "a"], r => r, 0.5, 1)).Message);
    }
}
