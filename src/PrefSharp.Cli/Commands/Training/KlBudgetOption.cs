using System.CommandLine;

namespace PrefSharp.Cli.Commands.Training;

/// <summary>The <c>--kl-budget</c> option of the online verbs (<c>grpo</c>, <c>ppo</c>): early stopping at a KL fixed in advance.</summary>
internal static class KlBudgetOption
{
    /// <summary>Nats of mean sequence KL to the reference over the last 5 rollout steps at which the run stops; off by default.</summary>
    public static Option<double?> Create() => new("--kl-budget")
    {
        Description = "Stop when the mean sequence KL to --model over the last 5 rollout steps reaches this many nats (early stopping; off by default)",
    };
}
