using System.CommandLine;
using System.Globalization;
using PrefSharp.Cli.Commands.Training;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Gym;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo.Online;
using PrefSharp.Torch.Training.Logging;
using static PrefSharp.Cli.Commands.Dpo.OnlineDpoCommand;

namespace PrefSharp.Cli.Commands.Dpo;

/// <summary>What <c>prefsharp online-dpo</c> does once its flags are parsed: build the loop, run the rounds, save and report each.</summary>
internal static class OnlineDpoRun
{
    public static int Run(ParseResult parse, TrainingFlags trainingFlags, DpoLossOptions lossFlags)
    {
        var writer = parse.InvocationConfiguration.Output;
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
        var training = trainingFlags.From(parse, parse.GetValue(Out)!);
        var options = new OnlineDpoOptions
        {
            SamplesPerPrompt = k, Pairs = rso ? PairSelection.Rso : PairSelection.BestWorst, MinMargin = minMargin,
            RsoBeta = parse.GetValue(RsoBeta), RsoAccepted = accepted, RefreshReference = parse.GetValue(RefreshReference),
            Cream = !parse.GetValue(Cream) ? CreamMode.Off : parse.GetValue(CreamModeFlag) == "per-prompt" ? CreamMode.PerPrompt : CreamMode.Average,
            MaxNewTokens = parse.GetValue(MaxNewTokens), Seed = training.Seed, Dpo = lossFlags.From(parse), Training = training,
        }.Validate();

        var prompts = CorpusTexts.Prompts(parse.GetValue(Prompts)!).Select(p => p.ToPlainText()).ToList();
        if (prompts.Count == 0) throw new ArgumentException($"--prompts: {parse.GetValue(Prompts)} holds no prompts", "--prompts");
        var random = new Random(training.Seed);
        var panel = AnnotatorSpec.Parse(parse.GetValue(Annotators)!, "--annotators");
        using var label = GrpoRewardSpec.Parse(parse.GetValue(Label)!, pairwise: false, parse.GetValue(JudgeModel), training.MaxSequenceLength, "--label",
            world => new AnnotatorPanelSource(world, panel, random, votes), parse.GetValue(JudgeTimeout));
        var goldWorld = parse.GetValue(Gold) is { } name ? WorldCatalog.Get(name, "--gold") : label.World;

        var tokenizer = TokenizerFiles.Load(directory);
        using var model = Checkpoint.Load(directory);
        using var reference = Checkpoint.Load(directory);
        // a gym world's prompts are written the way the demo's policies learned them ("PROMPT:" → " RESPONSE"); other data as is
        using var policy = label.World is not null ? new PolicySampler(model, tokenizer) : new PolicySampler(model, tokenizer, promptText: p => p, responseText: t => t.Trim());
        var error = parse.InvocationConfiguration.Error;
        var progress = new ProgressReporter(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
        using var online = new OnlineDpo(policy, label.Source, options, reference, goldWorld is null ? null : goldWorld.GoldUtility, progress);
        writer.WriteLine($"online-dpo: {prompts.Count} prompts, label {label.Source.Name}, {rounds} rounds of K = {k}, pairs {parse.GetValue(Pairs)}{(options.Cream == CreamMode.Off ? "" : $", CREAM {parse.GetValue(CreamModeFlag)}")}");

        var firstPrompts = RoundPrompts(prompts, perRound, 1);
        double? goldBefore = null;
        var folder = "";
        for (var round = 1; round <= rounds; round++)
        {
            var result = online.RunRound(round, RoundPrompts(prompts, perRound, round), random);
            goldBefore ??= result.SampleGold;
            folder = PolicyFolder.Save(model, directory, Path.Combine(training.OutputDirectory, $"round-{round}"));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {round}: {result.Pairs} pairs, {result.Dropped} ties dropped, mean label margin {result.MeanMargin:F4}, consistency {result.Consistency:F3}, train accuracy {result.Metrics.GetValueOrDefault("rewards/accuracies"):F3}")
                + (result.SampleGold is { } gold ? string.Create(CultureInfo.InvariantCulture, $", gold of samples {gold:F4}, gold gap chosen − rejected {result.GoldGap:F4}") : ""));
        }
        if (goldWorld is not null)
        {
            // the final policy on round 1's prompts with round 1's sampling seed: comparable with round 1's samples
            var after = policy.Sample(firstPrompts, k, unchecked(options.Seed + 1000L), options.MaxNewTokens);
            var goldAfter = Enumerable.Range(0, after.Count).Average(i => goldWorld.GoldUtility(after.Prompts[i], after.Responses[i]));
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"gold: {goldBefore:F4} → {goldAfter:F4} ({goldWorld.Name}, round 1's prompts and seed)"));
        }
        writer.WriteLine($"policy: {folder}");
        return 0;
    }

    /// <summary>All prompts, or <paramref name="perRound"/> of them taken in turn (wrapping around) for round <paramref name="round"/>.</summary>
    private static List<string> RoundPrompts(List<string> prompts, int perRound, int round) => perRound == 0 ? prompts
        : Enumerable.Range((round - 1) * perRound, perRound).Select(i => prompts[i % prompts.Count]).ToList();

    private static void Require(bool ok, string option, string message)
    {
        if (!ok) throw new ArgumentException($"{option} {message}", option);
    }
}
