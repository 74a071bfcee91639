using System.CommandLine;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Training.Reward.PeerReview;

namespace PrefSharp.Cli.Commands;

public static partial class TrainRmCommand
{
    internal static readonly Option<string> Data = new("--data") { Description = "Preference pairs (any format 'data convert' reads)", Required = true };
    internal static readonly Option<string> Out = new("--out") { Description = "Output folder: the reward model (or member-K folders), tokenizer files, eval.json, training logs", Required = true };
    internal static readonly Option<string?> Model = new("--model") { Description = "Start from this causal-LM checkpoint (an SFT model): its backbone and tokenizer; the head is fresh" };
    internal static readonly Option<string> Preset = new("--preset") { Description = "From scratch (no --model): tiny or small Llama backbone", DefaultValueFactory = _ => "small" };
    internal static readonly Option<string?> Tokenizer = new("--tokenizer") { Description = "Tokenizer folder (from scratch); default: train a byte-level BPE on the training split" };
    internal static readonly Option<int> VocabSize = new("--vocab-size") { Description = "Ids of the BPE trained when no tokenizer is given", DefaultValueFactory = _ => 2048 };
    internal static readonly Option<string> Loss = new("--loss")
    {
        Description = "bt (Bradley–Terry), margin, soft, smooth (label smoothing), flip-aware or debiased (labels flipped at random at --flip-rate), rao-kupper (keeps ties), "
            + "gpm (General Preference Model head), plackett-luce or listnet (k-way lists)",
        DefaultValueFactory = _ => "bt",
    };
    internal static readonly Option<int> GpmDim = new("--gpm-dim") { Description = "--loss gpm: embedding width 2k (num_labels), even, ≥ 2", DefaultValueFactory = _ => GeneralPreferenceConfig.DefaultDimension };
    internal static readonly Option<double> GpmBeta = new("--gpm-beta") { Description = "--loss gpm: β of P = σ(s/β), > 0", DefaultValueFactory = _ => new GeneralPreferenceConfig().Beta };
    internal static readonly Option<bool> GpmNoGate = new("--gpm-no-gate") { Description = "--loss gpm: no prompt-dependent eigenvalue gate (every λ = 1)" };
    internal static readonly Option<double> TieThreshold = new("--tie-threshold") { Description = "--loss rao-kupper: starting η > 0 (fitted with the model)", DefaultValueFactory = _ => Math.Log(1.5) };
    internal static readonly Option<double> LabelTemperature = new("--label-temperature") { Description = "--loss listnet: τ of softmax(labels / τ), > 0", DefaultValueFactory = _ => 1.0 };
    internal static readonly Option<double> FlipRate = new("--flip-rate") { Description = "ε of --loss flip-aware or debiased: the expected share of flipped labels, in [0, 0.5)", DefaultValueFactory = _ => 0.1 };
    internal static readonly Option<double> LabelSmoothing = new("--label-smoothing") { Description = "ε of --loss smooth, in [0, 0.5]", DefaultValueFactory = _ => 0.1 };
    internal static readonly Option<double> CenterRewards = new("--center-rewards") { Description = "η of the centring term η(r_c + r_r)²; 0 disables", DefaultValueFactory = _ => 0.0 };
    internal static readonly Option<double?> PeerReview = new("--peer-review")
    {
        Description = "Train with a peer (Co-teaching / CRM): each model learns only from the pairs the other finds easiest, "
            + "withholding this share of every batch once ramped; set it to the expected flip rate, in (0, 1). The peer is saved in OUT/peer",
    };
    internal static readonly Option<double> PeerRampEpochs = new("--peer-ramp-epochs")
    {
        Description = "--peer-review: epochs over which the withheld share grows from 0 to its value, > 0", DefaultValueFactory = _ => new PeerReviewOptions().RampEpochs,
    };
    internal static readonly Option<string> Head = new("--head")
    {
        Description = "scalar (one reward for everyone), pal (PAL: each annotator id a mixture of K prototype ideal points) or "
            + "micro (MiCRo: K reward heads routed by the prompt and a per-annotator term); pal and micro need an annotator id on every pair",
        DefaultValueFactory = _ => "scalar",
    };
    internal static readonly Option<int> Prototypes = new("--prototypes") { Description = "--head pal or micro: K mixture components, ≥ 2", DefaultValueFactory = _ => 2 };
    internal static readonly Option<int> PalDim = new("--pal-dim") { Description = "--head pal: width D of the preference embedding, ≥ 1", DefaultValueFactory = _ => 16 };
    internal static readonly Option<int> Ensemble = new("--ensemble") { Description = "Members K (1: a single model; ≥ 2: K seeds)", DefaultValueFactory = _ => 1 };
    internal static readonly Option<bool> Resume = new("--resume")
    {
        Description = "Continue from the newest complete checkpoint in OUT/training (each member's with --ensemble): weights, optimiser, data position, RNG, a fitted Rao–Kupper η and the --peer-review peer",
    };
    internal static readonly Option<double> EvalSplit = new("--eval-split") { Description = "Fraction of prompts held out, in (0, 1)", DefaultValueFactory = _ => 0.1 };
}
