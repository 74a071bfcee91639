using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Demo;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Gym;
using Xunit.Abstractions;

namespace PrefSharp.Torch.Tests.Gym;

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
        var ids = responses.Select((_, i) => (IReadOnlyList<int>)[i + 3]).ToList();
        var samples = new PolicySamples(prompts, responses, ids.Select(_ => (IReadOnlyList<int>)[1, 2]).ToList(), ids, new double[responses.Count]);
        SimulatedAnnotator[] panel = [new("exact") { Temperature = 0 }];

        var (pairs, gaps, dropped) = OnPolicyPairs.Label(samples, 2, world, panel, new Random(4), votes: 3, minMargin: 3);

        // a temperature-0 annotator picks the higher utility; equal utilities are coin flips, which 3 unanimous votes rarely pass
        Assert.True(dropped >= 1, "the identical pair is dropped");
        Assert.All(gaps, gap => Assert.True(gap >= 0, $"gold gap chosen − rejected {gap}"));
        Assert.True(gaps.Average() > 0.3, $"mean gold gap {gaps.Average():F2}");
        // each side keeps the sampled ids: prompt [1, 2] then the completion id, only the completion scored
        Assert.All(pairs, pair => Assert.Equal([false, false, true], pair.Chosen.LossMask));
        Assert.Throws<ArgumentException>(() => OnPolicyPairs.Label(samples, 2, world, panel, new Random(4), votes: 3, minMargin: 4));
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
        using var reference = PolicySampler.Load((string)context.Items[SftStage.CheckpointKey]);
        // the trained weights differ from the SFT policy's
        var moved = policy.Model.Module.named_parameters().Zip(reference.Model.Module.named_parameters())
            .Any(p => !p.First.parameter.equal(p.Second.parameter).all().item<bool>());
        Assert.True(moved);
    }
}
