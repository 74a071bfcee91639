using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Ranking;
using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Tokenization;
using Xunit.Abstractions;

namespace PrefSharp.Recipes.Tests.Demo;

/// <summary>The demo's SFT stage on a tiny budget: the checkpoint loads, the policy beats the untrained decoder on gold, and the end stage ranks it.</summary>
public sealed class SftStageTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "prefsharp-sft-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Sft_on_the_lexicon_world_saves_a_loadable_policy_whose_samples_beat_the_untrained_decoder()
    {
        var world = new LexiconWorld();
        var samples = GymSampler.Sample(world, 40, 4, seed: 1);
        var context = new DemoContext
        {
            World = world, Seed = 1, Quick = true, OutputFolder = folder,
            Samples = samples, Judgements = GymAnnotation.Annotate(world, samples, AnnotatorSpec.Parse(AnnotatorSpec.Default), seed: 2),
        };
        var settings = new SftSettings { Width = 32, Examples = 400, Steps = 150, SamplesPerPrompt = 1, LearningRate = 5e-3 };

        var row = new SftStage(settings).Run(context);

        output.WriteLine($"gold {row.Metrics["gold_before"]:F3} → {row.GoldUtility:F3}, held-out loss {row.Metrics["heldout_loss"]:F3}");
        Assert.Equal(DemoStageStatus.Ok, row.Status);
        var checkpoint = Assert.IsType<string>(context.Products.SftCheckpoint);
        Assert.Equal([("sft", checkpoint)], context.Policies);
        using var model = Checkpoint.Load(checkpoint);
        var tokenizer = TokenizerFiles.Load(checkpoint);
        Assert.Equal(tokenizer.VocabularySize, model.Config.VocabSize);
        Assert.Equal(" bread", tokenizer.Decode(tokenizer.Encode(" bread")));
        Assert.Single(tokenizer.Encode(" bread"));                 // the world's words are single BPE tokens
        // the untrained decoder babbles bytes (gold about −1.8: unknown tokens cost ½ each); imitating quality ≥ 0.75
        // demonstrations (mean gold ≈ 1.8) lifts it to ≈ 1.4 in 150 steps (seed 1: −1.89 → 1.44); a margin of 1.5 leaves room
        Assert.True(row.GoldUtility > row.Metrics["gold_before"] + 1.5, $"gold {row.GoldUtility:F2} vs untrained {row.Metrics["gold_before"]:F2}");
        Assert.True(row.Metrics["heldout_loss"] < Math.Log(tokenizer.VocabularySize), $"held-out loss {row.Metrics["heldout_loss"]:F2}");
        Assert.Equal(0.0, row.Kl);

        // the end stage ranks the registered policy among the demonstration levels on shared held-out prompts
        var end = new PolicyLeaderboardStage().Run(context);
        Assert.Equal(DemoStageStatus.Ok, end.Status);
        var board = Assert.IsType<Leaderboard>(context.Products.PolicyLeaderboard);
        Assert.Equal(["quality-0.00", "quality-0.25", "quality-0.50", "quality-0.75", "quality-1.00", "sft"], board.Items.Select(i => i.Name).Order());
        Assert.Equal(0.0, end.Metrics["sft.kl"]);                    // the SFT policy is its own reference
        // the Bradley–Terry annotator prefers higher gold: a policy with gold ≈ 1.4 must out-rate the quality-0 demonstrations (gold ≈ −0.2)
        Assert.True(board["sft"].Rating > board["quality-0.00"].Rating, $"sft {board["sft"].Rating:F0} vs quality-0.00 {board["quality-0.00"].Rating:F0}");
        Assert.IsType<DemoChart>(context.Products.OverOptimisation);
    }
}
