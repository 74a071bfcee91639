using System.CommandLine;

namespace PrefSharp.Cli.Commands;

/// <summary>The <c>--judge-timeout</c> option of the verbs that ask a <c>judge:URL</c>.</summary>
internal static class JudgeTimeoutOption
{
    /// <summary>Seconds one judge request may take before it is retried (three retries with back-off).</summary>
    public static Option<double> Create() => new("--judge-timeout")
    {
        Description = "Seconds allowed for one judge request before it is retried (3 retries)", DefaultValueFactory = _ => 60,
    };
}
