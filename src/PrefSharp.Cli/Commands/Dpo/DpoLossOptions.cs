using System.CommandLine;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Training.Dpo;

namespace PrefSharp.Cli.Commands.Dpo;

/// <summary>The command-line flags of <see cref="DpoOptions"/> shared by <c>dpo</c> and <c>online-dpo</c>: loss list, β, label smoothing, the per-loss constants, reference, TR-DPO, WPO.</summary>
public sealed class DpoLossOptions
{
    public Option<string> Loss { get; } = new("--loss") { Description = "Loss list with optional weights, e.g. sigmoid or sigmoid,sft:0.2 or simpo; unpaired data (prompt, completion, label) trains kto_pair or apo_zero", DefaultValueFactory = _ => "sigmoid" };
    public Option<double> Beta { get; } = new("--beta") { Description = "β: strength of the KL regularisation toward the reference (> 0)", DefaultValueFactory = _ => 0.1 };
    public Option<double> LabelSmoothing { get; } = new("--label-smoothing") { Description = "cDPO/rDPO label noise ε in [0, 0.5)", DefaultValueFactory = _ => 0.0 };
    public Option<string> Reference { get; } = new("--reference") { Description = "live (frozen copy), cached (log-probs computed once, saved in OUT) or none (reference-free)", DefaultValueFactory = _ => "live" };
    public Option<int> SyncSteps { get; } = new("--sync-steps") { Description = "TR-DPO: update the reference every N steps (0: never; needs --reference live)", DefaultValueFactory = _ => 0 };
    public Option<double> SyncAlpha { get; } = new("--sync-alpha") { Description = "TR-DPO: θ_ref ← α·θ + (1 − α)·θ_ref; 1 copies (hard update)", DefaultValueFactory = _ => 0.6 };
    public LossConstantFlags Constants { get; } = new();
    public Option<bool> Wpo { get; } = new("--wpo") { Description = "WPO: weight each pair by the policy's length-normalised probability of it (for off-policy data)" };

    public void AddTo(Command command)
    {
        Reference.AcceptOnlyFromAmong("live", "cached", "none");
        foreach (var option in new Option[] { Loss, Beta, LabelSmoothing, Reference, SyncSteps, SyncAlpha, Wpo }.Concat(Constants.All())) command.Add(option);
    }

    /// <summary>The validated options (an <see cref="ArgumentException"/> names the bad one).</summary>
    public DpoOptions From(ParseResult parse) => new DpoOptions
    {
        Losses = LossList.Parse(parse.GetValue(Loss)!),
        LossOptions = Constants.Apply(parse, new PreferenceLossOptions { Beta = parse.GetValue(Beta), LabelSmoothing = parse.GetValue(LabelSmoothing) }),
        Reference = Enum.Parse<ReferenceMode>(parse.GetValue(Reference)!, ignoreCase: true),
        SyncSteps = parse.GetValue(SyncSteps),
        SyncAlpha = parse.GetValue(SyncAlpha),
        WpoWeights = parse.GetValue(Wpo),
    }.Validate();
}
