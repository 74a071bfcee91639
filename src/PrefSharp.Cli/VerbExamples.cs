using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace PrefSharp.Cli;

/// <summary>
/// Examples for a verb's --help. The root listing shows each verb's one-line description; a verb's own
/// help adds its examples after the generated usage and options.
/// </summary>
public static class VerbExamples
{
    private static readonly Dictionary<Command, string[]> Examples = [];

    /// <summary>Registers <paramref name="lines"/> ("prefsharp verb …  # what it does") for <paramref name="command"/>.</summary>
    public static Command WithExamples(this Command command, params string[] lines)
    {
        Examples[command] = lines;
        return command;
    }

    /// <summary>Replaces the help action of <paramref name="root"/>'s help option with one that also prints examples.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples((HelpAction)help.Action!);
    }

    private sealed class HelpWithExamples(HelpAction inner) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parse)
        {
            var code = inner.Invoke(parse);
            if (!Examples.TryGetValue(parse.CommandResult.Command, out var lines)) return code;
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var line in lines) output.WriteLine($"  {line}");
            output.WriteLine();
            return code;
        }
    }
}
