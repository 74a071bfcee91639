using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Rewards.Sources;

namespace PrefSharp.Recipes.Tests.Demo;

public sealed class RewardModelStageTests
{
    [Fact]
    public void The_stage_reports_gold_metrics_and_hands_on_a_loadable_reward_model()
    {
        var world = new LexiconWorld();
        var samples = GymSampler.Sample(world, 100, 4, seed: 1);
        var context = new DemoContext
        {
            World = world, Seed = 1, Quick = true, OutputFolder = Directory.CreateTempSubdirectory("prefsharp-rm-stage-").FullName,
            Samples = samples, Judgements = GymAnnotation.Annotate(world, samples, AnnotatorSpec.Parse(AnnotatorSpec.Default), 2),
        };
        var row = new RewardModelStage().Run(context);

        Assert.Equal(DemoStageStatus.Ok, row.Status);
        Assert.Equal("reward-model", row.Name);
        Assert.InRange(row.Metrics["heldout_accuracy"], 0, 1);
        Assert.True(row.Metrics["heldout_accuracy"] > row.Metrics["length_baseline_accuracy"], $"{row.Metrics["heldout_accuracy"]} vs length {row.Metrics["length_baseline_accuracy"]}");
        Assert.Equal(3, row.Charts[0].Series.Count);
        Assert.Equal(row.GoldUtility, row.Metrics["bon_gold_single"]);

        var folder = Assert.IsType<string>(context.Products.RewardModelCheckpoint);
        using var proxy = RewardModelProxy.Load(folder, maxLength: 64);
        var good = world.Demonstrate("sport", 1.0, new Random(3));
        Assert.Equal(proxy.Score("sport", good), proxy.ScoreMany([("sport", good)])[0], 9);
        Assert.True(double.IsFinite(proxy.AsFunc()("sport", "garbage garbage garbage")));

        // The three members are saved for the grpo stage's worst-case ensemble; their worst case is the minimum of
        // their normalised scores, so it never exceeds member 0's.
        var members = context.Products.RewardModelMembers;
        Assert.Equal(3, members.Count);
        Assert.Equal(folder, members[0]);
        using var grpoProxy = GrpoDemoProxy.For(context);
        var ensemble = grpoProxy.WorstCaseEnsemble(context)!;
        var group = new CompletionGroup("sport", [good, "garbage garbage garbage"]);
        var worst = ensemble.Score([group]).Rewards;
        var single = grpoProxy.Source.Score([group]).Rewards;
        for (var i = 0; i < 2; i++) Assert.True(worst[i] <= single[i] + 1e-6, $"WCO {worst[i]} above member 0's {single[i]}");
    }
}
