using System.IO.Compression;
using System.Text;

namespace PrefSharp.Cli.Tests;

/// <summary>What the user sees for a damaged input: one line naming the file, exit code 2, no output written, --skip-invalid or not.</summary>
public sealed class DataDamageCommandTests : IDisposable
{
    private const string Battle = """{"model_a": "x", "model_b": "y", "winner": "model_a"}""";
    private readonly string folder = Directory.CreateTempSubdirectory("prefsharp-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("inspect")]
    [InlineData("convert")]
    [InlineData("rank")]
    [InlineData("rank-streamed")]
    public void A_gzip_file_cut_at_a_flush_point_is_a_truncated_file_even_with_skip_invalid(string verb)
    {
        var input = CutGzip();
        var output = Path.Combine(folder, "out.jsonl");
        string[] args = verb switch
        {
            "inspect" => ["data", "inspect", input, "--skip-invalid"],
            "convert" => ["data", "convert", input, output, "--skip-invalid"],
            "rank" => ["rank", input, "--skip-invalid"],
            _ => ["rank", input],                                             // an Arena log without options takes the streaming count path
        };

        var run = CliRun.Of(args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {input}: truncated file (the compressed data stops at byte", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void Invalid_utf8_names_line_and_byte_and_skip_invalid_skips_the_record()
    {
        var input = Path.Combine(folder, "utf8.jsonl");
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes(Battle + "\n{\"model_a\": \"x"), 0xFF, .. Encoding.UTF8.GetBytes("\", \"model_b\": \"y\", \"winner\": \"tie\"}\n")]);

        var strict = CliRun.Of("data", "inspect", input);
        var lenient = CliRun.Of("data", "convert", input, Path.Combine(folder, "out.jsonl"), "--skip-invalid");

        Assert.Equal((2, $"error: {input}:2: invalid UTF-8 (at byte 15); expected text encoded as UTF-8"), (strict.ExitCode, strict.Error.TrimEnd()));
        Assert.Equal(0, lenient.ExitCode);
        Assert.Contains("wrote 1 record(s)", lenient.Output);
        Assert.Contains("1  invalid UTF-8", lenient.Error);
    }

    [Fact]
    public void A_directory_is_a_one_line_bad_input_error()
    {
        var run = CliRun.Of("data", "inspect", folder);

        Assert.Equal((2, $"error: {folder}: not a file (it is a directory); expected a file of records"), (run.ExitCode, run.Error.TrimEnd()));
    }

    [Fact]
    public void Converting_an_empty_file_is_an_error_and_writes_nothing()
    {
        var input = Path.Combine(folder, "empty.jsonl");
        File.WriteAllText(input, "");
        var output = Path.Combine(folder, "out.jsonl");

        var run = CliRun.Of("data", "convert", input, output);

        Assert.Equal((2, $"error: {input}: no records (the file is empty); expected at least one record"), (run.ExitCode, run.Error.TrimEnd()));
        Assert.False(File.Exists(output));
    }

    /// <summary>A gzip file of battles cut right after a sync flush: it decodes cleanly to the flushed line, then stops.</summary>
    private string CutGzip()
    {
        using var memory = new MemoryStream();
        int flushed;
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Battle + "\n"));
            gzip.Flush();
            flushed = (int)memory.Length;
            gzip.Write(Encoding.UTF8.GetBytes(Battle + "\n"));
        }
        var path = Path.Combine(folder, "cut.jsonl.gz");
        File.WriteAllBytes(path, memory.ToArray()[..flushed]);
        return path;
    }
}
