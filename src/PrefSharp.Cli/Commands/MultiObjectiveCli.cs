using System.CommandLine;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// The option <c>score</c> and <c>eval-rm</c> share for a multi-objective checkpoint (<c>prefsharp_reward_kind</c> =
/// "multi_objective"): the scalar is the gated ArmoRM reward, or with <c>--direction v</c> the DPA projection vᵀr/‖v‖.
/// A scalar model refuses <c>--direction</c>.
/// </summary>
internal static class MultiObjectiveCli
{
    public static Option<string?> DirectionOption() => new("--direction")
    {
        Description = "Multi-objective models: score along this direction over the objectives (DPA), e.g. 0.8,0.6; default: the gated reward",
    };
}
