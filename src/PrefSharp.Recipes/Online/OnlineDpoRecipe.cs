using System.Globalization;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Rewards;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo.Online;
using PrefSharp.Torch.Training.Logging;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// Iterative on-policy DPO end to end (<see cref="OnlineDpo"/>): load the policy and its reference, build the labeller
/// (<see cref="RewardSourceSpec"/>; a gym world is labelled by its simulated panel), run the rounds, save the policy
/// after round N to <c>OUT/round-N</c> with the tokenizer files, and report each round and the gold utility before and after.
/// </summary>
public static class OnlineDpoRecipe
{
    /// <summary>Runs <paramref name="recipe"/>; a line per round to <paramref name="writer"/>, training progress to <paramref name="progress"/>. Returns the final policy folder.</summary>
    public static string Run(OnlineDpoRecipeOptions recipe, TextWriter writer, ProgressReporter progress)
    {
        var (options, training, directory, prompts) = (recipe.Loop, recipe.Loop.Training, recipe.ModelDirectory, recipe.Prompts.ToList());
        var (rounds, perRound, k) = (recipe.Rounds, recipe.PromptsPerRound, options.SamplesPerPrompt);
        var random = new Random(training.Seed);
        var panel = AnnotatorSpec.Parse(recipe.Annotators, "--annotators");
        using var label = RewardSourceSpec.Parse(recipe.Label, pairwise: false, recipe.JudgeModel, training.MaxSequenceLength, recipe.LabelOption,
            world => new AnnotatorPanelSource(world, panel, random, recipe.Votes), recipe.JudgeTimeoutSeconds);
        var goldWorld = recipe.GoldWorld is { } name ? WorldCatalog.Get(name, "--gold") : label.World;

        var tokenizer = TokenizerFiles.Load(directory);
        using var model = Checkpoint.Load(directory);
        using var reference = Checkpoint.Load(directory);
        // a gym world's prompts are written the way the demo's policies learned them ("PROMPT:" → " RESPONSE"); other data as is
        using var policy = label.World is not null ? new PolicySampler(model, tokenizer) : new PolicySampler(model, tokenizer, promptText: p => p, responseText: t => t.Trim());
        using var online = new OnlineDpo(policy, label.Source, options, reference, goldWorld is null ? null : goldWorld.GoldUtility, progress);
        writer.WriteLine($"online-dpo: {prompts.Count} prompts, label {label.Source.Name}, {rounds} rounds of K = {k}, pairs {PairsName(options.Pairs)}{(options.Cream == CreamMode.Off ? "" : $", CREAM {CreamName(options.Cream)}")}");

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
            using var start = new PolicySampler(Checkpoint.Load(directory), tokenizer, ownsModel: true);   // --refresh-reference moves `reference`
            var startLogProbs = start.LogProbs(after.PromptIds, after.CompletionIds);
            var kl = Enumerable.Range(0, after.Count).Average(i => after.LogProbs[i] - startLogProbs[i]);   // k1 over the policy's own samples
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"gold: {goldBefore:F4} → {goldAfter:F4} ({goldWorld.Name}, round 1's prompts and seed); sequence KL to --model {kl:F4} nats"));
        }
        writer.WriteLine($"policy: {folder}");
        return folder;
    }

    /// <summary>All prompts, or <paramref name="perRound"/> of them taken in turn (wrapping around) for round <paramref name="round"/>.</summary>
    private static List<string> RoundPrompts(List<string> prompts, int perRound, int round) => perRound == 0 ? prompts
        : Enumerable.Range((round - 1) * perRound, perRound).Select(i => prompts[i % prompts.Count]).ToList();

    private static string PairsName(PairSelection pairs) => pairs == PairSelection.Rso ? "rso" : "best-worst";

    private static string CreamName(CreamMode mode) => mode == CreamMode.PerPrompt ? "per-prompt" : "average";
}
