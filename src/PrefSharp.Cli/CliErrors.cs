using PrefSharp.Core.Data;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Cli;

/// <summary>
/// Maps exceptions to one line on stderr and an exit code: 2 for bad input or options (the user can fix it),
/// 3 for a computation that went non-finite (a diverged training run, a model whose logits are NaN; the message says
/// where and why), 1 for anything else. A stack trace only with --verbose. A parallel loop's wrapper of a single failure
/// is reported as that failure.
/// </summary>
public static class CliErrors
{
    public const int BadInput = 2;
    public const int Failure = 1;
    public const int NonFinite = 3;

    public static int Report(Exception failure, bool verbose, TextWriter error)
    {
        // work spread over cores (Parallel.For) wraps the first failure; the user needs that failure, not the wrapper
        if (failure is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var only]) failure = only;
        var code = IsBadInput(failure) ? BadInput : failure is NonFiniteValueException ? NonFinite : Failure;
        error.WriteLine($"error: {Describe(failure)}");
        if (verbose) error.WriteLine(failure);
        else if (code == Failure) error.WriteLine("(run with --verbose for details)");
        return code;
    }

    private static bool IsBadInput(Exception failure) =>
        failure is DataFormatException or ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException;

    /// <summary>
    /// libtorch load failures arrive wrapped in a type initializer with a long trace: keep the first line. An argument
    /// error names its option or setting first (<c>--where: …</c>, <c>KlBudget: …</c>) instead of .NET's trailing
/// <c>(Parameter '--where')</c>.
    /// </summary>
    private static string Describe(Exception failure) => failure switch
    {
        TypeInitializationException { InnerException: { } inner } => $"libtorch could not be loaded: {inner.Message.Split('\n')[0]}",
        ArgumentException { ParamName: { Length: > 0 } name } argument => Named(argument.Message.Replace($" (Parameter '{name}')", ""), name),
        _ => failure.Message,
    };

    /// <summary>The option's or setting's name leads the line, unless the message already starts with it.</summary>
    private static string Named(string message, string name) =>
        message.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? message : $"{name}: {message}";
}
