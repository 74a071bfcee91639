using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Tests;

public sealed class TokenizerCommandTests
{
    [Fact]
    public void Train_on_a_data_file_uses_prompts_and_completions_and_reports_compression()
    {
        var directory = Directory.CreateTempSubdirectory("prefsharp-tokcli-").FullName;
        var data = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllText(data, """{"prompt": "aaab", "chosen": " aab", "rejected": " ab"}""" + "\n");
        var output = Path.Combine(directory, "tok");
        var run = CliRun.Of("tokenizer", "train", "--input", data, "--vocab-size", "261", "--min-frequency", "1",
            "--chat-markers", "none", "--out", output);
        Assert.Equal(0, run.ExitCode);
        // Texts "aaab", " aab", " ab": the words of BpeTrainerTests' golden corpus, so the merges are aa, ab, aaab, aab.
        // Encoded: aaab → 1 token, " aab" → Ġ aab → 2, " ab" → Ġ ab → 2: 11 bytes / 5 tokens = 2.20.
        Assert.Contains("vocabulary: 261 ids (4 merges, 1 special tokens: <|endoftext|>)", run.Output);
        Assert.Contains("11 bytes → 5 tokens, 2.20 bytes/token", run.Output);
        Assert.True(File.Exists(Path.Combine(output, "tokenizer.json")));
        Assert.True(File.Exists(Path.Combine(output, "tokenizer_config.json")));

        var encode = CliRun.Of("tokenizer", "encode", "--tokenizer", output, " aab");
        Assert.Equal(0, encode.ExitCode);
        Assert.Contains("2 tokens: 32 259", encode.Output);
        Assert.Contains("259  \"aab\"", encode.Output);
    }

    [Fact]
    public void Train_on_text_files_writes_a_chatml_tokenizer()
    {
        var directory = Directory.CreateTempSubdirectory("prefsharp-tokcli-").FullName;
        var text = Path.Combine(directory, "corpus.txt");
        File.WriteAllText(text, string.Concat(Enumerable.Repeat("the reward model prefers the helpful answer. ", 40)));
        var output = Path.Combine(directory, "tok");
        var run = CliRun.Of("tokenizer", "train", "--input", text, "--vocab-size", "280", "--out", output);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("vocabulary: 280 ids (21 merges, 3 special tokens", run.Output);
        var tokenizer = TokenizerFiles.Load(output);
        Assert.Equal(ChatTemplateKind.ChatMl, ChatTemplate.Detect(tokenizer));
        var special = CliRun.Of("tokenizer", "encode", "--tokenizer", output, "--special", "<|im_end|>");
        Assert.Contains("1 tokens: 279", special.Output);
    }

    [Fact]
    public void A_vocabulary_below_256_is_a_clear_error()
    {
        var text = Path.Combine(Directory.CreateTempSubdirectory().FullName, "t.txt");
        File.WriteAllText(text, "abc");
        var run = CliRun.Of("tokenizer", "train", "--input", text, "--vocab-size", "10", "--out", Path.GetTempPath());
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("vocab-size", run.Error);
    }
}
