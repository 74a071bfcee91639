using System.CommandLine;
using PrefSharp.Recipes.RewardModels;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Pluralistic;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.PeerReview;
using static PrefSharp.Cli.Commands.TrainRmCommand;

namespace PrefSharp.Cli.Commands;

/// <summary>The options of train-rm's special heads and training modes, each checked against the others with the flag's name.</summary>
internal static partial class TrainRmOptions
{
    /// <summary>The personalised head asked for by --head pal or micro (null for scalar), checked against --loss, --ensemble and --peer-review.</summary>
    private static PluralisticHeadOptions? PluralisticFrom(ParseResult parse, string loss, int members)
    {
        var head = parse.GetValue(Head);
        if (head == "scalar") return null;
        if (loss != "bt") throw new ArgumentException($"--head {head} trains by the mixture's own likelihood; it needs --loss bt, found --loss {loss}");
        if (members > 1 || parse.GetValue(PeerReview) is not null) throw new ArgumentException($"--head {head} trains one model: no --ensemble or --peer-review");
        return new PluralisticHeadOptions
        {
            Kind = head == "pal" ? PluralisticKind.Pal : PluralisticKind.Micro, Prototypes = parse.GetValue(Prototypes), EmbeddingWidth = parse.GetValue(PalDim),
        }.Validate();
    }

    /// <summary>The peer review asked for by --peer-review (null without it), checked against --ensemble.</summary>
    private static PeerReviewOptions? PeerReviewFrom(ParseResult parse, int members)
    {
        if (parse.GetValue(PeerReview) is not { } rate) return null;
        if (members > 1) throw new ArgumentException("--peer-review trains one model with one peer; it cannot be combined with --ensemble");
        return new PeerReviewOptions { DropRate = rate, RampEpochs = parse.GetValue(PeerRampEpochs) }.Validate();
    }

    /// <summary>The GPM head asked for by --loss gpm and the --gpm-* options (null for other losses), checked.</summary>
    private static (int Dimension, GeneralPreferenceConfig Config)? GpmConfig(ParseResult parse, RewardLossKind loss, int members)
    {
        if (loss != RewardLossKind.GeneralPreference) return null;
        if (members > 1)
            throw new ArgumentException($"--loss gpm trains one General Preference Model; --ensemble {members} aggregates scalar rewards, which a GPM does not have (use --ensemble 1)");
        var dimension = parse.GetValue(GpmDim);
        if (dimension < 2 || dimension % 2 != 0) throw new ArgumentException($"--gpm-dim must be an even number ≥ 2 (the embedding width 2k), found {dimension}");
        var beta = parse.GetValue(GpmBeta);
        if (!(beta > 0) || double.IsInfinity(beta)) throw new ArgumentException($"--gpm-beta must be finite and > 0, found {beta}");
        return (dimension, new GeneralPreferenceConfig { Beta = beta, PromptGate = !parse.GetValue(GpmNoGate) });
    }
}
