using System.Diagnostics;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Ranking;
using PrefSharp.Recipes.Demo.Report;

namespace PrefSharp.Recipes.Demo;

/// <summary>
/// Runs a demo into a run folder: samples demonstrations of mixed quality from the world, labels pairs of them with
/// simulated annotators, writes samples.jsonl (TRL prompt/completion), pairs.jsonl (TRL pairs) and battles.jsonl,
/// fits a Bradley–Terry leaderboard of the quality levels with bootstrap intervals, runs every stage in order (timed;
/// an exception becomes a "failed" row), and writes summary.json and report.html.
/// </summary>
public static class DemoPipeline
{
    /// <summary>The stage names of the full pipeline, in order.</summary>
    public static IReadOnlyList<string> TrainingStages { get; } = ["sft", "reward-model", "dpo", "grpo", "pref-grpo"];

    public static DemoSummary Run(DemoOptions options, IEnumerable<IDemoStage> stages, TextWriter? log = null)
    {
        options.Validate();
        log ??= TextWriter.Null;
        var folder = Directory.CreateDirectory(options.OutputFolder).FullName;
        var annotators = AnnotatorSpec.Parse(options.Annotators);
        var world = options.World;
        var samples = GymSampler.Sample(world, options.EffectivePrompts, options.ResponsesPerPrompt, options.Seed);
        var judgements = GymAnnotation.Annotate(world, samples, annotators, options.Seed + 1);
        TrlJsonlWriter.Write(Path.Combine(folder, "samples.jsonl"), GymRecords.ToUnpaired(world, samples));
        TrlJsonlWriter.Write(Path.Combine(folder, "pairs.jsonl"), GymRecords.ToPairs(world, judgements));
        var battles = GymRecords.ToBattles(judgements).ToList();
        BattleJsonlWriter.Write(Path.Combine(folder, "battles.jsonl"), battles);
        log.WriteLine($"{world.Name}: {samples.Count:N0} responses to {options.EffectivePrompts:N0} prompts, {judgements.Count:N0} judgements by {annotators.Count} annotator(s)");

        var baseline = GymSampler.PolicyName(GymSampler.DefaultQualities[0]);
        var leaderboard = LeaderboardBuilder.Build(battles, new LeaderboardOptions
        {
            BootstrapRounds = options.Quick ? 200 : 1000,
            Seed = options.Seed,
            Baseline = battles.Any(b => b.ItemA == baseline || b.ItemB == baseline) ? baseline : null,
        });

        var context = new DemoContext
        {
            World = world, Seed = options.Seed, Quick = options.Quick, OutputFolder = folder,
            Samples = samples, Judgements = judgements, Log = log, Annotators = annotators,
        };
        var rows = stages.Select(stage => RunStage(stage, context, log)).ToList();
        var products = context.Products;
        var policyBoard = products.PolicyLeaderboard;
        var demonstrationGold = samples.GroupBy(s => s.Policy).ToDictionary(g => g.Key, g => g.Average(s => s.GoldUtility));
        var summary = new DemoSummary
        {
            World = world.Name,
            Seed = options.Seed,
            Stages = rows,
            Leaderboard = (policyBoard ?? leaderboard).Items,
            PolicyGold = policyBoard is null ? demonstrationGold : products.PolicyGold,
            LeaderboardNote = policyBoard is null ? "" : products.LeaderboardNote,
            OverOptimisation = products.OverOptimisation,
            DataNotes =
            [
                $"World \"{world.Name}\": {world.Description}.",
                $"{samples.Count:N0} demonstrations ({options.ResponsesPerPrompt} per prompt for {options.EffectivePrompts:N0} prompts) at quality levels {string.Join(", ", GymSampler.DefaultQualities)}; each level is a \"policy\".",
                $"{judgements.Count:N0} pairwise judgements by the simulated panel \"{options.Annotators}\"; {battles.Count:N0} of them compare two different policies and feed the leaderboard of the demonstration levels (Bradley–Terry, {leaderboard.BootstrapRounds} bootstrap rounds, {leaderboard.CiLevel:P0} intervals): " +
                    string.Join(" > ", leaderboard.Items.Select(i => i.Name)) + ".",
            ],
        };
        summary.Write(Path.Combine(folder, "summary.json"));
        AtomicFile.WriteAllText(Path.Combine(folder, "report.html"), HtmlReportWriter.Render(summary));
        return summary;
    }

    private static DemoStage RunStage(IDemoStage stage, DemoContext context, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        DemoStage row;
        try
        {
            row = stage.Run(context);
        }
        catch (Exception failure)
        {
            row = new DemoStage { Name = stage.Name, Status = DemoStageStatus.Failed, Narrative = $"The stage failed: {failure.Message}" };
        }
        row = row with { Seconds = row.Status == DemoStageStatus.NotAvailable ? 0 : clock.Elapsed.TotalSeconds };
        log.WriteLine($"  {row.Name,-13} {StatusName(row.Status),-14} {row.Seconds,6:F1} s");
        return row;
    }

    public static string StatusName(DemoStageStatus status) => status switch
    {
        DemoStageStatus.Ok => "ok",
        DemoStageStatus.NotAvailable => "not-available",
        _ => "failed",
    };
}
