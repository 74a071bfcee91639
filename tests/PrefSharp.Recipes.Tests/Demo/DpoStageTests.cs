using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Dpo.Online;
using Xunit.Abstractions;

namespace PrefSharp.Recipes.Tests.Demo;

/// <summary>The demo's DPO stage: labelling of on-policy pairs, and a tiny sft → dpo run that hands on a loadable policy.</summary>
public sealed class DpoStageTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "prefsharp-dpo-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_noiseless_panel_labels_the_higher_gold_response_chosen_and_drops_identical_pairs()
    {
        var world = new SortingWorld();
        var random = new Random(3);
        var prompts = new List<string>();
        var responses = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var prompt = world.SamplePrompt(random);
            prompts.AddRange([prompt, prompt]);
            // pair i: a perfect answer against a quality-0 one, in alternating order; the last pair is two identical answers
            var (good, bad) = (world.Demonstrate(prompt, 1.0, random), world.Demonstrate(prompt, 0.0, random));
            responses.AddRange(i == 19 ? [good, good] : i % 2 == 0 ? [good, bad] : [bad, good]);
        }
        SimulatedAnnotator[] panel = [new("exact") { Temperature = 0 }];
        var groups = Enumerable.Range(0, 20).Select(i => new CompletionGroup(prompts[2 * i], [responses[2 * i], responses[2 * i + 1]])).ToList();

        var scores = new AnnotatorPanelSource(world, panel, new Random(4), votes: 3).Score(groups).Rewards;
        // margin filter 3/3: only unanimous panels pass (win-rate gap (3 − 0)/3 = 1)
        var (pairs, dropped) = OnlinePairs.Select(responses, scores, 2, PairSelection.BestWorst, minMargin: 1.0, new Random(5));

        // a temperature-0 annotator picks the higher utility; equal utilities are coin flips, which 3 unanimous votes rarely pass
        Assert.True(dropped >= 1, "the identical pair is dropped");
        Assert.DoesNotContain(pairs, p => p.Prompt == 19);
        var gaps = pairs.Select(p => world.GoldUtility(prompts[p.Chosen], responses[p.Chosen]) - world.GoldUtility(prompts[p.Rejected], responses[p.Rejected])).ToList();
        Assert.All(gaps, gap => Assert.True(gap >= 0, $"gold gap chosen − rejected {gap}"));
        Assert.True(gaps.Average() > 0.3, $"mean gold gap {gaps.Average():F2}");
        Assert.All(pairs, p => Assert.Equal(1.0, p.Margin, 12));                 // unanimous: win rates 1 and 0
        Assert.Throws<ArgumentException>(() => new AnnotatorPanelSource(world, panel, new Random(4), votes: 0));
    }

    [Fact]
    public void Sft_then_dpo_registers_a_loadable_policy_and_reports_gold_before_equal_to_the_sft_row()
    {
        var world = new SortingWorld();
        var samples = GymSampler.Sample(world, 40, 4, seed: 1);
        var context = new DemoContext
        {
            World = world, Seed = 1, Quick = true, OutputFolder = folder,
            Samples = samples, Judgements = GymAnnotation.Annotate(world, samples, AnnotatorSpec.Parse(AnnotatorSpec.Default), seed: 2),
        };
        Assert.Contains("sft", Assert.Throws<InvalidOperationException>(() => new DpoStage().Run(context)).Message);
        var sft = new SftStage(new SftSettings { Width = 32, Examples = 300, Steps = 80, SamplesPerPrompt = 1, LearningRate = 5e-3 }).Run(context);
        var settings = new DpoStageSettings { Rounds = 2, PromptsPerRound = 48, StepsPerRound = 6, BatchSize = 16, ScoreSamplesPerPrompt = 1 };

        var row = new DpoStage(settings).Run(context);

        output.WriteLine($"gold {row.Metrics["gold_before"]:F3} → {row.GoldUtility:F3}, KL {row.Kl:F3}, pairs {row.Metrics["pairs"]}");
        Assert.Equal(DemoStageStatus.Ok, row.Status);
        // same held-out prompts, same sampling seed, same SFT weights: the "before" number is the sft stage's own gold
        Assert.Equal(sft.GoldUtility!.Value, row.Metrics["gold_before"], 12);
        Assert.Equal(row.GoldUtility!.Value, row.Metrics["gold_after"], 12);
        Assert.Equal(12, row.Metrics["steps"]);
        Assert.True(row.Metrics["pairs"] > 0);
        Assert.True(row.Kl is { } kl && double.IsFinite(kl));
        var registered = context.Policies.Single(p => p.Stage == "dpo").Folder;
        using var policy = PolicySampler.Load(registered);
        using var reference = PolicySampler.Load(context.Products.SftCheckpoint!);
        // the trained weights differ from the SFT policy's
        var moved = policy.Model.Module.named_parameters().Zip(reference.Model.Module.named_parameters())
            .Any(p => !p.First.parameter.equal(p.Second.parameter).all().item<bool>());
        Assert.True(moved);
    }
}
