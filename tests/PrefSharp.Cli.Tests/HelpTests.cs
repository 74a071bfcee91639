using System.CommandLine;
using PrefSharp.Cli;

namespace PrefSharp.Cli.Tests;

public sealed class HelpTests
{
    /// <summary>The path of every leaf verb, e.g. ["data", "inspect"].</summary>
    private static IEnumerable<string[]> VerbPaths(Command command, string[] prefix) =>
        command.Subcommands.SelectMany(sub => sub.Subcommands.Count == 0
            ? [[.. prefix, sub.Name]]
            : VerbPaths(sub, [.. prefix, sub.Name]));

    [Fact]
    public void Root_help_lists_every_verb_with_a_one_line_purpose()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var verb in CliApp.BuildRoot().Subcommands)
        {
            Assert.Contains(verb.Name, run.Output);
            Assert.False(string.IsNullOrWhiteSpace(verb.Description), $"{verb.Name} has no description");
            Assert.DoesNotContain('\n', verb.Description!);
        }
    }

    [Fact]
    public void Every_verb_help_has_examples_that_name_the_verb()
    {
        foreach (var path in VerbPaths(CliApp.BuildRoot(), []))
        {
            var run = CliRun.Of([.. path, "--help"]);
            Assert.Equal(0, run.ExitCode);
            var examples = run.Output[(run.Output.IndexOf("Examples:", StringComparison.Ordinal) + 9)..];
            Assert.Contains($"prefsharp {string.Join(' ', path)}", examples);
        }
    }

    [Fact]
    public void No_arguments_prints_help()
    {
        var run = CliRun.Of();
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Commands:", run.Output);
    }

    [Fact]
    public void Bad_options_exit_2_and_point_to_help()
    {
        var run = CliRun.Of("doctor", "--seconds", "soon");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'soon'", run.Error);
        Assert.Contains("prefsharp doctor --help", run.Error);
        Assert.Equal(2, CliRun.Of("no-such-verb").ExitCode);
    }
}
