using System.CommandLine;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Core.Data;
using PrefSharp.Recipes.Online;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo.Online;
using static PrefSharp.Cli.Commands.Dpo.OnlineDpoCommand;

namespace PrefSharp.Cli.Commands.Dpo;

/// <summary>online-dpo's flags as one <see cref="OnlineDpoRecipeOptions"/>, each checked with the flag's name.</summary>
internal static class OnlineDpoFlags
{
    public static OnlineDpoRecipeOptions From(ParseResult parse, TrainingFlags trainingFlags, DpoLossOptions lossFlags)
    {
        var directory = parse.GetValue(Model)!;
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"--model: no folder {directory}");
        var rounds = parse.GetValue(Rounds);
        Require(rounds >= 1, "--rounds", $"must be ≥ 1, found {rounds}");
        var perRound = parse.GetValue(PromptsPerRound);
        Require(perRound >= 0, "--prompts-per-round", $"must be ≥ 0 (0: all), found {perRound}");
        var k = parse.GetValue(SamplesPerPrompt);
        Require(k >= 2, "--samples-per-prompt", $"must be ≥ 2, found {k}");
        var rso = parse.GetValue(Pairs) == "rso";
        var accepted = parse.GetValue(RsoAccepted);
        Require(!rso || (accepted >= 2 && accepted % 2 == 0 && accepted <= k), "--rso-accepted", $"must be even and in [2, --samples-per-prompt = {k}], found {accepted}");
        var minMargin = parse.GetValue(MinMargin);
        Require(minMargin >= 0 && double.IsFinite(minMargin), "--min-margin", $"must be ≥ 0, found {minMargin}");
        var votes = parse.GetValue(Votes);
        Require(votes >= 1, "--votes", $"must be ≥ 1, found {votes}");
        var momentum = parse.GetValue(Momentum);
        Require(momentum >= 0 && momentum < 1, "--momentum", $"must be in [0, 1), found {momentum}");
        Require(momentum == 0 || parse.GetValue(RefreshReference), "--momentum", "needs --refresh-reference (APO's rounds are proximal steps from the policy each round starts with)");
        var training = trainingFlags.From(parse, parse.GetValue(Out)!);
        var options = new OnlineDpoOptions
        {
            SamplesPerPrompt = k, Pairs = rso ? PairSelection.Rso : PairSelection.BestWorst, MinMargin = minMargin,
            RsoBeta = parse.GetValue(RsoBeta), RsoAccepted = accepted, RefreshReference = parse.GetValue(RefreshReference), Momentum = momentum,
            Cream = !parse.GetValue(Cream) ? CreamMode.Off : parse.GetValue(CreamModeFlag) == "per-prompt" ? CreamMode.PerPrompt : CreamMode.Average,
            MaxNewTokens = parse.GetValue(MaxNewTokens), Seed = training.Seed, Dpo = lossFlags.From(parse), Training = training,
        }.Validate();
        var prompts = CorpusTexts.Prompts(parse.GetValue(Prompts)!).Select(p => p.ToPlainText()).ToList();
        if (prompts.Count == 0) throw new ArgumentException($"--prompts: {parse.GetValue(Prompts)} holds no prompts", "--prompts");
        return new OnlineDpoRecipeOptions
        {
            ModelDirectory = directory, Prompts = prompts, Label = parse.GetValue(Label)!, JudgeModel = parse.GetValue(JudgeModel), JudgeTimeoutSeconds = parse.GetValue(JudgeTimeout),
            Annotators = parse.GetValue(Annotators)!, Votes = votes, GoldWorld = parse.GetValue(Gold), Rounds = rounds, PromptsPerRound = perRound, Loop = options,
        };
    }

    private static void Require(bool ok, string option, string message)
    {
        if (!ok) throw new ArgumentException($"{option} {message}", option);
    }
}
