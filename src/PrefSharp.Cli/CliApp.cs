using System.CommandLine;
using System.CommandLine.Parsing;
using PrefSharp.Cli.Commands;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Cli;

/// <summary>The <c>prefsharp</c> command: one verb per file under Commands/, errors mapped to exit codes.</summary>
public static class CliApp
{
    /// <summary>Shows a stack trace instead of a one-line message.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Print stack traces and extra detail on errors",
        Recursive = true,
    };

    /// <summary>
    /// Response files are off: an argument that starts with '@' is text (a prompt, "@user hi"), never a file to expand.
    /// </summary>
    public static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "PrefSharp: learn from pairwise preferences. Leaderboards, reward models and aligned policies from comparisons.\n" +
            "Run 'prefsharp VERB --help' for a verb's options and examples.")
        {
            Verbose,
            DataCommand.Create(),
            DemoCommand.Create(),
            DoctorCommand.Create(),
            DpoCommand.Create(),
            EvalRmCommand.Create(),
            GenerateCommand.Create(),
            GrpoCommand.Create(),
            PpoCommand.Create(),
            NashMdCommand.Create(),
            GymCommand.Create(),
            Commands.Dpo.OnlineDpoCommand.Create(),
            RankCommand.Create(),
            ScoreCommand.Create(),
            TokenizerCommand.Create(),
            TrainRmCommand.Create(),
            TrainArmoCommand.Create(),
            ServeCommand.Create(),
            ArenaCommand.Create(),
            JudgeCommand.Create(),
            EvalCommand.Create(),
            SftCommand.Create(),
        };
        VerbExamples.Install(root);
        Commands.Training.ComputeFlags.Install(root);
        return root;
    }

    /// <summary>Runs the command line; verbs write to <paramref name="output"/> (stdout by default).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        TorchRuntime.EnsureInitialized();
        var parse = BuildRoot().Parse(args.Length == 0 ? ["--help"] : args, Parsing);
        if (parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var problem in parse.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine($"run '{CommandPath(parse.CommandResult)} --help' for usage");
            return CliErrors.BadInput;
        }
        try
        {
            Commands.Training.ComputeFlags.Apply(parse);
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (Exception failure)
        {
            return CliErrors.Report(failure, parse.GetValue(Verbose), error);
        }
    }

    /// <summary>"prefsharp data inspect" for the verb a parse ended in.</summary>
    private static string CommandPath(SymbolResult? result) => result switch
    {
        CommandResult { Command: RootCommand } => "prefsharp",
        CommandResult command => $"{CommandPath(command.Parent)} {command.Command.Name}",
        null => "prefsharp",
        _ => CommandPath(result.Parent),
    };
}
