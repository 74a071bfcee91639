using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Sft;

namespace PrefSharp.Torch.Tests.Training;

/// <summary>SFT data: the plain JSONL shapes, preference files (chosen response), and tokenization with the response scored.</summary>
public sealed class SftDataTests
{
    [Fact]
    public void Plain_jsonl_reads_text_prompt_completion_and_messages()
    {
        var path = Path.GetTempFileName() + ".jsonl";
        File.WriteAllLines(path,
        [
            """{"text": "hello"}""",
            """{"prompt": "2+2=", "completion": "4"}""",
            "",
            """{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hey"}]}""",
        ]);
        var (examples, skipped) = SftDataReader.Read(path);
        Assert.Equal(0, skipped);
        Assert.Equal(3, examples.Count);
        Assert.True(examples[0].Prompt.IsEmpty);
        Assert.Equal("hello", examples[0].Completion.Text);
        Assert.Equal(("2+2=", "4"), (examples[1].Prompt.Text, examples[1].Completion.Text));
        Assert.Equal([new Message("user", "hi")], examples[2].Prompt.Messages!);
        Assert.Equal([new Message("assistant", "hey")], examples[2].Completion.Messages!);

        File.AppendAllLines(path, ["""{"prompt": "x"}"""]);
        var error = Assert.Throws<InvalidDataException>(() => SftDataReader.Read(path));
        Assert.StartsWith($"{path}:5:", error.Message);
    }

    [Fact]
    public void Preference_pairs_train_on_the_chosen_response()
    {
        var path = Path.GetTempFileName() + ".jsonl";
        File.WriteAllLines(path, ["""{"prompt": "Sky?", "chosen": " blue", "rejected": " green"}"""]);
        var example = Assert.Single(SftDataReader.Read(path).Examples);
        Assert.Equal(("Sky?", " blue"), (example.Prompt.Text, example.Completion.Text));
    }

    [Fact]
    public void Tokenization_scores_the_response_and_its_eos_only()
    {
        var template = ChatTemplate.For(new ByteLevelTokenizer());
        var example = new SftExample(Passage.FromText("ab"), Passage.FromText("c"));
        // Plain template, byte-level ids: a b | c [EOS = 256]; the response and its EOS are scored.
        var sequence = SftTokenization.Tokenize(example, template, maxLength: 16)!;
        Assert.Equal([97, 98, 99, 256], sequence.Ids);
        Assert.Equal([false, false, true, true], sequence.LossMask);
        Assert.Equal(2, sequence.ScoredTokens);
        Assert.Null(SftTokenization.Tokenize(example, template, maxLength: 2));   // truncation leaves nothing to score
    }

    [Fact]
    public void Conversations_are_scored_on_the_assistant_turns_of_the_chat_template()
    {
        var template = ChatTemplate.For(ByteLevelTokenizer.WithChatMl(), ChatTemplateKind.ChatMl);
        var example = new SftExample(Passage.FromMessages([new Message("user", "hi")]), Passage.FromMessages([new Message("assistant", "yo")]));
        var sequence = SftTokenization.Tokenize(example, template, maxLength: 64)!;
        var expected = template.Conversation([new Message("user", "hi"), new Message("assistant", "yo")]);
        Assert.Equal(expected.Ids, sequence.Ids);
        // scored: "yo" and <|im_end|> (ChatML's assistant-only mask)
        Assert.Equal(3, sequence.ScoredTokens);
    }
}
