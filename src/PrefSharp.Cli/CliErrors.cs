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

    /// <summary>libtorch load failures arrive wrapped in a type initializer with a long trace: keep the first line.</summary>
    private static string Describe(Exception failure) => failure is TypeInitializationException { InnerException: { } inner }
        ? $"libtorch could not be loaded: {inner.Message.Split('\n')[0]}"
        : failure.Message;
}
