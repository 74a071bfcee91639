using PrefSharp.Core.Data;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Rewards;

/// <summary>What a reward model reads: plain text, conversations through the chat template, truncation from the left.</summary>
public sealed class RewardInputsTests
{
    private static readonly ByteLevelTokenizer Tokenizer = ByteLevelTokenizer.WithChatMl();   // bytes 0..255, EOS 256, no BOS

    [Fact]
    public void Plain_text_is_prompt_then_completion_then_EOS()
    {
        var sequence = RewardInputs.Encode(Tokenizer, "ab", "c", 100);
        Assert.Equal([97, 98, 99, 256], sequence.Ids);               // 'a' 'b' 'c' as bytes, then EOS = 256
        Assert.Equal([false, false, true, true], sequence.LossMask);
    }

    [Fact]
    public void A_conversation_goes_through_the_tokenizers_chat_template()
    {
        var prompt = Passage.FromMessages([new Message("user", "hi")]);
        var sequence = RewardInputs.Encode(Tokenizer, prompt, Passage.FromText("yo"), 100);
        var expected = ChatTemplate.For(Tokenizer).Conversation([new Message("user", "hi"), new Message("assistant", "yo")]);
        Assert.Equal(ChatTemplateKind.ChatMl, ChatTemplate.Detect(Tokenizer));
        Assert.Equal(expected.Ids, sequence.Ids);
        Assert.Contains(Tokenizer.TokenToId(SpecialTokens.ImStart)!.Value, sequence.Ids);
    }

    [Fact]
    public void Too_long_sequences_keep_their_last_tokens_where_the_reward_is_read()
    {
        var sequence = RewardInputs.Encode(Tokenizer, "abcdef", "g", 3);
        Assert.Equal([102, 103, 256], sequence.Ids);                 // 'f' 'g' EOS: the end survives
        Assert.Throws<ArgumentException>(() => RewardInputs.Encode(Tokenizer, "a", "b", 0));
    }
}
