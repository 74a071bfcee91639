using System.Diagnostics;
using System.Text;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// <c>tokenizer encode</c> on a byte-level tokenizer, whose ids are the UTF-8 bytes of the text (the ChatML markers are
/// 257 and 258), so every expected id list follows from the text.
/// </summary>
public sealed class TokenizerEncodeCommandTests
{
    private static string ByteLevelDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("prefsharp-encode-").FullName;
        TokenizerFiles.SaveByteLevel(ByteLevelTokenizer.WithChatMl(), directory);
        return directory;
    }

    private static string Bytes(string text) => string.Join(" ", Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("@user hi")]        // was read as a response file: "Response file not found 'user hi'"
    [InlineData("@")]
    public void Text_starting_with_at_is_text(string text)
    {
        var run = CliRun.Of("tokenizer", "encode", "--tokenizer", ByteLevelDirectory(), text);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"{text.Length} tokens: {Bytes(text)}\n", run.Output);
    }

    [Fact]
    public void Text_starting_with_dashes_goes_after_the_separator()
    {
        var run = CliRun.Of("tokenizer", "encode", "--tokenizer", ByteLevelDirectory(), "--", "--help me");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"9 tokens: {Bytes("--help me")}\n", run.Output);
    }

    [Fact]
    public void A_megabyte_of_text_comes_from_a_file()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("prefsharp-encode-").FullName, "big.txt");
        var text = string.Concat(Enumerable.Repeat("déjà vu! 😀\n", 1 << 16));   // 16 UTF-8 bytes a line: 1 MiB
        File.WriteAllText(file, text);
        var run = CliRun.Of("tokenizer", "encode", "--tokenizer", ByteLevelDirectory(), "--file", file);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"{1 << 20} tokens: {Bytes("déjà vu! 😀\n")} ", run.Output);
    }

    [Fact]
    public async Task Text_comes_from_standard_input_with_file_dash()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "prefsharp.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "tokenizer", "encode", "--tokenizer", ByteLevelDirectory(), "--file", "-" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using (var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false))) input.Write("<|im_end|> é\n");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        Assert.StartsWith($"14 tokens: {Bytes("<|im_end|> é\n")}\n", output);
    }

    [Fact]
    public void Special_tokens_in_the_text_are_plain_text_unless_special()
    {
        var directory = ByteLevelDirectory();
        var plain = CliRun.Of("tokenizer", "encode", "--tokenizer", directory, "<|im_end|>");
        Assert.Contains($"10 tokens: {Bytes("<|im_end|>")}\n", plain.Output);
        var special = CliRun.Of("tokenizer", "encode", "--tokenizer", directory, "--special", "<|im_end|>");
        Assert.Contains("1 tokens: 258\n", special.Output);
        var help = CliRun.Of("tokenizer", "encode", "--help");
        Assert.Contains("Without it they are plain text", help.Output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Text_and_file_are_one_or_the_other(bool both)
    {
        var directory = ByteLevelDirectory();
        var run = both ? CliRun.Of("tokenizer", "encode", "--tokenizer", directory, "hi", "--file", "x.txt")
            : CliRun.Of("tokenizer", "encode", "--tokenizer", directory);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(both ? "not both" : "no text to encode", run.Error);
    }
}
