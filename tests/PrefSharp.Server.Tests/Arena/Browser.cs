namespace PrefSharp.Server.Tests.Arena;

/// <summary>
/// Debian's Chromium, which the browser tests drive by executable path (<c>apt-get install chromium</c>; nothing
/// downloads a browser): <c>$PREFSHARP_CHROMIUM</c> or <c>/usr/bin/chromium</c>. Missing, the tests skip with a reason,
/// and fail under CI=true.
/// </summary>
internal static class Browser
{
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("PREFSHARP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => File.Exists(ExecutablePath) || IsCi ? null
        : $"{ExecutablePath} not found: install Debian's chromium (apt-get install chromium) or set PREFSHARP_CHROMIUM (CI=true makes this a failure)";
}
