namespace PrefSharp.Cli.Tests;

/// <summary>`prefsharp serve` refuses unsafe or impossible settings with one line before it binds anything.</summary>
public class ServeCommandTests
{
    [Theory]
    [InlineData("--api-key", "serve", "--model", "m", "--host", "0.0.0.0")]
    [InlineData("does not exist", "serve", "--model", "/nonexistent/prefsharp-model")]
    [InlineData("at least one --model", "serve")]
    [InlineData("--max-batch", "serve", "--model", "m", "--max-batch", "0")]
    public void Bad_settings_give_one_line_and_a_non_zero_exit(string expected, params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
