using System.CommandLine;
using PrefSharp.Torch.Runtime;

namespace PrefSharp.Cli.Commands.Training;

/// <summary>
/// <c>--device cpu|cuda[:N]|mps</c> and <c>--dtype float32|bfloat16|float16</c>, the same two flags on every verb that
/// runs a model. They set <see cref="ComputeTarget.Default"/> once, before the verb runs, so every model the verb
/// creates or loads is built there (and everything else follows the model).
/// </summary>
public static class ComputeFlags
{
    /// <summary>The verbs that run a model.</summary>
    public static readonly IReadOnlyList<string> ModelVerbs =
        ["sft", "dpo", "train-rm", "train-armo", "grpo", "ppo", "nash-md", "online-dpo", "serve", "eval", "eval-rm", "generate", "score", "arena", "judge"];

    public static readonly Option<string> Device = new("--device")
    {
        Description = "Where models run: cpu, cuda, cuda:N or mps (the build decides which exist; CUDA needs a -p:TorchBackend=cuda build)",
        DefaultValueFactory = _ => "cpu",
    };

    public static readonly Option<string> DType = new Option<string>("--dtype")
    {
        Description = "Type of weights and activations: float32, bfloat16 or float16 (training keeps float32 master weights and moments)",
        DefaultValueFactory = _ => "float32",
    }.AcceptOnlyFromAmong([.. ComputeDTypes.Names]);

    /// <summary>Adds both flags to each of <see cref="ModelVerbs"/> under <paramref name="root"/>.</summary>
    public static void Install(RootCommand root)
    {
        foreach (var verb in root.Subcommands.Where(c => ModelVerbs.Contains(c.Name)))
        {
            verb.Add(Device);
            verb.Add(DType);
        }
    }

    /// <summary>Sets <see cref="ComputeTarget.Default"/> from the parsed flags (CPU float32 for a verb without them).</summary>
    public static void Apply(ParseResult parse)
    {
        var offered = parse.CommandResult.Command.Options.Contains(Device);
        ComputeTarget.Default = offered ? ComputeTarget.Parse(parse.GetValue(Device)!, parse.GetValue(DType)!) : ComputeTarget.Cpu;
    }
}
