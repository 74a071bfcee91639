using PrefSharp.Core.Data;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Torch.Tests.Tokenization;

public sealed class ChatTemplateTests
{
    // Byte values used below: "user\n" = 117 115 101 114 10, "assistant" = 97 115 115 105 115 116 97 110 116,
    // "system" = 115 121 115 116 101 109, "hi" = 104 105, "yo" = 121 111, "\n" = 10.
    private static readonly int[] User = [117, 115, 101, 114];
    private static readonly int[] Assistant = [97, 115, 115, 105, 115, 116, 97, 110, 116];

    [Fact]
    public void ChatMlMasksAssistantContentAndImEnd()
    {
        // <|endoftext|> = 256, <|im_start|> = 257, <|im_end|> = 258.
        var template = ChatTemplate.For(ByteLevelTokenizer.WithChatMl());
        Assert.Equal(ChatTemplateKind.ChatMl, template.Kind);
        var sequence = template.Conversation([new Message("user", "hi"), new Message("assistant", "yo")]);
        int[] ids = [257, .. User, 10, 104, 105, 258, 10, 257, .. Assistant, 10, 121, 111, 258, 10];
        Assert.Equal(ids, sequence.Ids);
        // Scored: "yo" and its <|im_end|> (3 tokens), not the "\n" after it.
        bool[] mask = [.. Enumerable.Repeat(false, ids.Length - 4), true, true, true, false];
        Assert.Equal(mask, sequence.LossMask);
        Assert.Equal(3, sequence.ScoredTokens);
        Assert.Equal(ids[..^4], template.GenerationPrompt([new Message("user", "hi")]));
        Assert.Equal([258, 256], template.StopTokenIds);
    }

    [Fact]
    public void Llama3MasksAssistantContentAndEotId()
    {
        // <|endoftext|> = 256, <|begin_of_text|> = 257, <|start_header_id|> = 258, <|end_header_id|> = 259, <|eot_id|> = 260.
        var tokenizer = new ByteLevelTokenizer(SpecialTokens.Llama3);
        var template = ChatTemplate.For(tokenizer, ChatTemplateKind.Llama3);
        var sequence = template.Conversation([new Message("system", "s"), new Message("user", "q"), new Message("assistant", "a")]);
        int[] ids =
        [
            257,
            258, 115, 121, 115, 116, 101, 109, 259, 10, 10, 115, 260,
            258, .. User, 259, 10, 10, 113, 260,
            258, .. Assistant, 259, 10, 10, 97, 260,
        ];
        Assert.Equal(ids, sequence.Ids);
        Assert.Equal([.. Enumerable.Repeat(false, ids.Length - 2), true, true], sequence.LossMask);
        Assert.Equal(ids[..^2], template.GenerationPrompt([new Message("system", "s"), new Message("user", "q")]));
        Assert.Equal([260, 256], template.StopTokenIds);
    }

    [Fact]
    public void MultiTurnScoresEveryAssistantTurn()
    {
        var template = ChatTemplate.For(ByteLevelTokenizer.WithChatMl());
        var sequence = template.Conversation(
            [new Message("user", "a"), new Message("assistant", "b"), new Message("user", "c"), new Message("assistant", "d")]);
        // Scored tokens are exactly "b", <|im_end|>, "d", <|im_end|>.
        var scored = sequence.Ids.Where((_, i) => sequence.LossMask[i]).ToArray();
        Assert.Equal([98, 258, 100, 258], scored);
    }

    [Fact]
    public void ContentCannotInjectMarkers()
    {
        var template = ChatTemplate.For(ByteLevelTokenizer.WithChatMl());
        var sequence = template.Conversation([new Message("user", "<|im_end|>"), new Message("assistant", "x")]);
        // Two <|im_start|> and two <|im_end|> from the template; the user's "<|im_end|>" stays 10 bytes.
        Assert.Equal(2, sequence.Ids.Count(id => id == 258));
        Assert.Equal(2, sequence.Ids.Count(id => id == 257));
    }

    [Fact]
    public void ChatMlThroughATokenizerJson()
    {
        var tokenizer = TokenizerFiles.Load(TinyTokenizers.WriteDirectory(TinyTokenizers.Gpt2Json(),
            $$"""{"eos_token": "<|im_end|>", "chat_template": "{{ChatTemplateTexts.ChatMl.Replace("\\", "\\\\").Replace("\"", "\\\"")}}"}"""));
        var template = ChatTemplate.For(tokenizer);
        Assert.Equal(ChatTemplateKind.ChatMl, template.Kind);
        // <|im_start|> = 262, "user" = u s e r, "\n" = 10, "hello" = 260, <|im_end|> = 263.
        var sequence = template.Conversation([new Message("user", "hello"), new Message("assistant", "hello")]);
        int[] ids = [262, .. User, 10, 260, 263, 10, 262, 97, 115, 115, 105, 115, 116, 97, 110, 116, 10, 260, 263, 10];
        Assert.Equal(ids, sequence.Ids);
        Assert.Equal([.. Enumerable.Repeat(false, ids.Length - 3), true, true, false], sequence.LossMask);
        Assert.Equal([263], template.StopTokenIds);  // EOS is <|im_end|> itself
    }

    [Fact]
    public void PlainTemplateAddsBosAndScoresCompletionAndEos()
    {
        var tokenizer = TokenizerFiles.Load(TinyTokenizers.WriteDirectory(TinyTokenizers.LlamaJson(), TinyTokenizers.LlamaConfig));
        var template = ChatTemplate.For(tokenizer);
        Assert.Equal(ChatTemplateKind.Plain, template.Kind);
        // <s> = 1, "hi" → ▁hi = 266, "there" → ▁the r e = 269 264 263, </s> = 2.
        var sequence = template.PromptCompletion("hi", "there");
        Assert.Equal([1, 266, 269, 264, 263, 2], sequence.Ids);
        Assert.Equal([false, false, true, true, true, true], sequence.LossMask);
        Assert.Equal([1, 266], template.Prompt("hi"));
    }

    [Fact]
    public void DetectionNeedsAClearMatch()
    {
        var llama3 = TokenizerFiles.Load(TinyTokenizers.WriteDirectory(TinyTokenizers.Gpt2Json(),
            """{"chat_template": "{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>{% endfor %}"}"""));
        Assert.Equal(ChatTemplateKind.Llama3, ChatTemplate.Detect(llama3));
        var unknown = TokenizerFiles.Load(TinyTokenizers.WriteDirectory(TinyTokenizers.Gpt2Json(),
            """{"chat_template": "{% for m in messages %}[INST] {{ m.content }} [/INST]{% endfor %}"}"""));
        Assert.Contains("choose the template explicitly", Assert.Throws<ArgumentException>(() => ChatTemplate.For(unknown)).Message);
        Assert.Equal(ChatTemplateKind.Plain, ChatTemplate.For(unknown, ChatTemplateKind.Plain).Kind);
        // The Llama-3 template on a tokenizer without its markers names the missing token.
        Assert.Contains("<|begin_of_text|>",
            Assert.Throws<ArgumentException>(() => ChatTemplate.For(new ByteLevelTokenizer(), ChatTemplateKind.Llama3)).Message);
    }
}
