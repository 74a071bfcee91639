using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>TRL's extract_prompt rule (trl/data_utils.py), case by case.</summary>
public sealed class ImplicitPromptTests
{
    [Theory]
    // TRL's docstring example: the space before the first difference goes to the completions.
    [InlineData("The sky is blue.", "The sky is green.", "The sky is", " blue.", " green.")]
    // No space before the difference: the cut is exactly at it.
    [InlineData("Answer:yes", "Answer:no", "Answer:", "yes", "no")]
    [InlineData("Answer: yes", "Answer: no", "Answer:", " yes", " no")]
    // One is a prefix of the other: TRL's loop index stops at length − 1, so the last character stays in the completions.
    [InlineData("abc", "abcd", "ab", "c", "cd")]
    // A difference at the first character: no prompt.
    [InlineData("yes", "no", "", "yes", "no")]
    public void Splits_text_at_the_first_difference(string chosen, string rejected, string prompt, string chosenRest, string rejectedRest)
    {
        Assert.Equal((prompt, chosenRest, rejectedRest), ImplicitPrompt.Split(chosen, rejected));
    }

    [Fact]
    public void Never_cuts_a_surrogate_pair()
    {
        // "🙂" and "🙃" share their high surrogate; the cut moves before it.
        Assert.Equal(("ok ", "🙂", "🙃"), ImplicitPrompt.Split("ok 🙂", "ok 🙃"));
    }

    [Fact]
    public void Splits_conversations_at_the_first_different_message()
    {
        Message user = new("user", "What color is the sky?");
        Message blue = new("assistant", "It is blue."), green = new("assistant", "It is green.");

        var (prompt, chosen, rejected) = ImplicitPrompt.Split([user, blue], [user, green]);

        Assert.Equal([user], prompt);
        Assert.Equal([blue], chosen);
        Assert.Equal([green], rejected);
    }

    [Fact]
    public void Reader_applies_it_to_conversational_pairs_without_prompt()
    {
        using var folder = new TempFolder();
        var path = folder.Write("c.jsonl", """
            {"chosen": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}], "rejected": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Go away."}]}
            """);

        var reader = new PreferenceFileReader(path);
        var pair = (PreferencePair)reader.Single();

        Assert.Equal([new Message("user", "Hi")], pair.Prompt.Messages!);
        Assert.Equal([new Message("assistant", "Hello!")], pair.Chosen.Messages!);
        Assert.Equal("trl", reader.Format?.Name);
    }
}
