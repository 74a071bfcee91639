using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Losses.Preference;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Dpo.Online;
using PrefSharp.Torch.Training.Options;
using Xunit.Abstractions;

namespace PrefSharp.Recipes.Tests.Online;

/// <summary>Online DPO rounds on a gym world, from a tiny SFT policy the demo's SFT stage trains.</summary>
public sealed class OnlineDpoGymTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "prefsharp-online-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Online_rounds_on_a_gym_world_label_pairs_with_a_positive_gold_gap()
    {
        var world = new SortingWorld();
        var samples = GymSampler.Sample(world, 40, 4, seed: 1);
        var context = new DemoContext
        {
            World = world, Seed = 1, Quick = true, OutputFolder = folder,
            Samples = samples, Judgements = GymAnnotation.Annotate(world, samples, AnnotatorSpec.Parse(AnnotatorSpec.Default), seed: 2),
        };
        new SftStage(new SftSettings { Width = 32, Examples = 300, Steps = 80, SamplesPerPrompt = 1, LearningRate = 5e-3 }).Run(context);
        using var policy = PolicySampler.Load(context.Products.SftCheckpoint!);
        var random = new Random(9);
        var labeller = new AnnotatorPanelSource(world, AnnotatorSpec.Parse(AnnotatorSpec.Default), random, votes: 5);
        var options = new OnlineDpoOptions
        {
            SamplesPerPrompt = 4, MinMargin = 0.2, Cream = CreamMode.Average, Seed = 3,
            Dpo = new DpoOptions { Losses = WeightedLoss.Rpo(1.0), LossOptions = new PreferenceLossOptions { Beta = 0.5 } },
            Training = new TrainingOptions { LearningRate = 3e-4, MaxSteps = 4, MicroBatchSize = 16, LogEvery = 1000, CheckpointEvery = 0, KeepLastCheckpoints = 1,
                MaxSequenceLength = 128, OutputDirectory = Path.Combine(folder, "online") },
        };
        using var online = new OnlineDpo(policy, labeller, options, gold: world.GoldUtility);

        var rounds = Enumerable.Range(1, 2).Select(r => online.RunRound(r, Enumerable.Range(0, 32).Select(_ => world.SamplePrompt(random)).ToList(), random)).ToList();

        foreach (var round in rounds)
        {
            output.WriteLine($"round {round.Round}: {round.Pairs} pairs, {round.Dropped} dropped, margin {round.MeanMargin:F3}, C {round.Consistency:F3}, gold {round.SampleGold:F3}, gap {round.GoldGap:F3}");
            Assert.Equal(32, round.Pairs + round.Dropped);                        // best-vs-worst: one candidate pair per prompt
            Assert.True(round.Pairs > 0);
            Assert.True(round.GoldGap > 0, $"round {round.Round}: mean gold gap chosen − rejected {round.GoldGap}");
            Assert.True(round.MeanMargin >= 0.2, "the margin filter keeps win-rate gaps ≥ 0.2");
            Assert.Equal(4, round.Losses.Count);
            Assert.True(Directory.Exists(Path.Combine(folder, "online", $"round-{round.Round}")));
        }
        Assert.Equal(1.0, rounds[0].Consistency);                                 // no previous round: plain DPO labels
        Assert.InRange(rounds[1].Consistency, 0, 1);
    }
}
