using System.Globalization;

namespace PrefSharp.Torch.Training.Logging;

/// <summary>
/// The progress line on stderr: <c>step 120/1000  loss 2.3141  lr 9.1e-05  14,231 tok/s  eta 00:12:40</c>. On a terminal
/// the line is rewritten in place (carriage return); otherwise (a file, a pipe, a test) each report is a plain line.
/// </summary>
public sealed class ProgressReporter(TextWriter writer, bool inPlace)
{
    /// <summary>Reports to stderr, in place when stderr is a terminal.</summary>
    public static ProgressReporter ForConsole() => For(Console.Error);

    /// <summary>Reports to <paramref name="error"/>, rewriting one line in place only when it is an interactive console's stderr.</summary>
    public static ProgressReporter For(TextWriter error) => new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>Reports nothing.</summary>
    public static ProgressReporter Silent { get; } = new(TextWriter.Null, inPlace: false);

    /// <summary>Writes one progress report.</summary>
    public void Report(long step, long totalSteps, double loss, double learningRate, double tokensPerSecond, TimeSpan? eta)
    {
        var line = string.Create(CultureInfo.InvariantCulture,
            $"step {step}/{totalSteps}  loss {loss:F4}  lr {learningRate:0.0##e+00}  {tokensPerSecond:N0} tok/s  eta {FormatEta(eta)}");
        if (inPlace) writer.Write($"\r{line}\u001b[K");
        else writer.WriteLine(line);
        writer.Flush();
    }

    /// <summary>Ends an in-place line before other output.</summary>
    public void Finish()
    {
        if (inPlace) writer.WriteLine();
    }

    /// <summary>A message on its own line (checkpoints, evaluation).</summary>
    public void Message(string text)
    {
        if (inPlace) writer.Write("\r\u001b[K");
        writer.WriteLine(text);
    }

    private static string FormatEta(TimeSpan? eta) => eta is { } value
        ? $"{(int)value.TotalHours:D2}:{value.Minutes:D2}:{value.Seconds:D2}"
        : "--:--:--";
}
