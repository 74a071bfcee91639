using PrefSharp.Core.Gym.Attributes;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Metrics;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.MultiObjective;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using PrefSharp.Torch.Training.Reward.MultiObjective;
using static TorchSharp.torch;

namespace PrefSharp.Bench.Experiments.MultiObjective;

/// <summary>
/// ArmoRM and DPA on an <see cref="IAttributedWorld"/>, every number against the world's truth on held-out prompts:
/// stage 1 regresses a tiny from-scratch model on noisy per-attribute ratings of the training prompts; stage 2 trains
/// the gate on pairs labelled by each annotator group (group-tagged prompts, <see cref="AttributeData.GroupPrompt"/>).
/// Measured: the held-out correlation of each predicted attribute with the truth, the gate's mean weights per group
/// (to compare with the world's mixture), and pairwise accuracy against each group's gold of the gated reward or of a
/// direction's projection.
/// </summary>
public sealed class MultiObjectiveGymExperiment
{
    private readonly List<GymSample> train;
    private readonly List<GymSample> heldOut;

    public MultiObjectiveGymExperiment(IAttributedWorld world, int prompts, int seed, int responsesPerPrompt = 6, double heldOutFraction = 0.25)
    {
        World = world;
        Seed = seed;
        Groups = world.Groups.Count > 0 ? [.. world.Groups] : [null];
        var samples = GymSampler.Sample(world, prompts, responsesPerPrompt, seed);
        var heldOutIds = GymRewardData.HeldOutPrompts(samples, heldOutFraction, seed + 1);
        train = samples.Where(s => !heldOutIds.Contains(s.PromptId)).ToList();
        heldOut = samples.Where(s => heldOutIds.Contains(s.PromptId)).ToList();
        Tokenizer = GymTokenizer.Choose(samples.SelectMany(s => Groups.Select(g => (AttributeData.GroupPrompt(s.Prompt, g), s.Response))), 512).Tokenizer;
    }

    public IAttributedWorld World { get; }
    public int Seed { get; }

    /// <summary>The annotator groups (one null entry for a world with a single utility).</summary>
    public IReadOnlyList<string?> Groups { get; }

    public ITokenizer Tokenizer { get; }

    /// <summary>A fresh tiny model with k = attributes outputs, trained on ratings of the training prompts (prompts tagged by rotating groups).</summary>
    public MultiObjectiveRewardModel TrainStage1(MultiObjectiveGymOptions options)
    {
        using var threads = IntraOpThreadLimit.To(1);
        manual_seed(options.Seed);
        var backbone = RewardModelPresets.Backbone(options.Preset, Tokenizer, Math.Max(options.MaxLength, 64));
        var model = new MultiObjectiveRewardModel(new RewardModel(new RewardModelConfig { Backbone = backbone, NumLabels = World.AttributeNames.Count }),
            new MultiObjectiveConfig { Objectives = World.AttributeNames });
        var ratings = AttributeData.Ratings(World, train, options.RatingNoise, Seed + 3)
            .Select((r, i) => new RatingExample(Encode(AttributeData.GroupPrompt(r.Prompt, Groups[i % Groups.Count]), r.Response, options), r.Ratings))
            .ToList();
        var output = Directory.CreateTempSubdirectory("prefsharp-armo-").FullName;
        try
        {
            MultiObjectiveTraining.TrainRegression(model, ratings, null, new TrainingOptions
            {
                LearningRate = options.LearningRate, MaxSteps = options.Steps, MicroBatchSize = options.BatchSize, WarmupSteps = Math.Min(10, options.Steps / 10),
                Seed = options.Seed, CheckpointEvery = 0, KeepLastCheckpoints = 1, LogEvery = Math.Max(1, options.Steps), OutputDirectory = output,
            });
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Stage 2 on pairs of the training prompts labelled by every group (temperature from the options).</summary>
    public GatingResult TrainStage2(MultiObjectiveRewardModel model, MultiObjectiveGymOptions options)
    {
        var pairs = Groups.SelectMany((g, i) => AttributeData.Pairs(World, train, g, options.AnnotatorTemperature, Seed + 10 + i))
            .Select(p => new GatingExample(Encode(p.Prompt, p.Chosen, options), Encode(p.Prompt, p.Rejected, options)))
            .ToList();
        using var threads = IntraOpThreadLimit.To(1);
        return GatingTraining.Train(model, pairs, options.Gating with { Seed = options.Seed });
    }

    /// <summary>Held-out Pearson correlation of each predicted objective with the world's attribute.</summary>
    public double[] AttributeCorrelations(MultiObjectiveRewardModel model, MultiObjectiveGymOptions options)
    {
        var objectives = Objectives(model, heldOut.Select(s => (s.Prompt, s.Response)).ToList(), options);
        var truth = heldOut.Select(s => World.Attributes(s.Prompt, s.Response)).ToList();
        return Enumerable.Range(0, World.AttributeNames.Count)
            .Select(a => Correlation.Pearson(objectives.Select(o => o[a]).ToArray(), truth.Select(t => t[a]).ToArray())).ToArray();
    }

    /// <summary>The gate's weights for <paramref name="group"/>'s held-out prompts, divided by β and averaged (a point of the simplex).</summary>
    public double[] MeanGatingWeights(MultiObjectiveRewardModel model, string? group, MultiObjectiveGymOptions options)
    {
        var gate = model.Gating ?? throw new InvalidOperationException("train stage 2 first");
        var sequences = heldOut.Select(s => Encode(AttributeData.GroupPrompt(s.Prompt, group), s.Response, options)).ToList();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.Eval();
        using var batch = SequenceBatch.Collate(sequences, model.Model.PadId);
        var weights = gate.forward(model.Forward(batch).PromptHidden);
        return weights.div(weights.sum(1, keepdim: true)).mean([0]).to(ScalarType.Float64).data<double>().ToArray();
    }

    /// <summary>
    /// Against <paramref name="group"/>'s gold on its held-out pairs (one forward pass): accuracy of the gated reward
    /// (NaN before stage 2), of each direction's projection vᵀ r, and the Pearson correlation of the gated reward with
    /// response length in words (NaN before stage 2).
    /// </summary>
    public MultiObjectiveGymScores Evaluate(MultiObjectiveRewardModel model, string? group, MultiObjectiveGymOptions options,
        params IReadOnlyList<double>[] directions)
    {
        using var threads = IntraOpThreadLimit.To(1);
        var pairs = AttributeData.GoldPairs(World, heldOut, group);
        var sequences = pairs.SelectMany(p => new[] { Encode(p.Prompt, p.Chosen, options), Encode(p.Prompt, p.Rejected, options) }).ToList();
        var unit = Enumerable.Range(0, model.Objectives).Select(i => i == 0 ? 1.0 : 0.0).ToArray();
        var scored = MultiObjectiveScorer.Score(model, sequences, model.Gating is null ? unit : null, 64);
        double Accuracy(Func<int, double> score) =>
            PairwiseAccuracy.Compute(pairs.Select((_, i) => score(2 * i)).ToArray(), pairs.Select((_, i) => score(2 * i + 1)).ToArray(), null).Accuracy;
        var directional = directions.Select(v => Accuracy(i => scored.Objectives[i].Zip(v, (r, w) => r * w).Sum())).ToArray();
        if (model.Gating is null) return new MultiObjectiveGymScores(double.NaN, directional, double.NaN);
        var lengths = pairs.SelectMany(p => new[] { p.Chosen, p.Rejected }).Select(r => (double)ResponseTokens.Words(r).Length).ToArray();
        return new MultiObjectiveGymScores(Accuracy(i => scored.Scores[i]), directional, Correlation.Pearson(scored.Scores, lengths));
    }

    /// <summary>Held-out gold pairs of a group (for baselines).</summary>
    public IReadOnlyList<GroupPair> HeldOutGoldPairs(string? group) => AttributeData.GoldPairs(World, heldOut, group);

    private double[][] Objectives(MultiObjectiveRewardModel model, IReadOnlyList<(string Prompt, string Response)> items, MultiObjectiveGymOptions options)
    {
        var k = model.Objectives;
        var unit = Enumerable.Range(0, k).Select(i => i == 0 ? 1.0 : 0.0).ToArray();   // any direction: only the objectives are used
        return MultiObjectiveScorer.Score(model, items.Select(i => Encode(i.Prompt, i.Response, options)).ToList(), unit, 64).Objectives;
    }

    /// <summary>
    /// Prompt then " " + response then EOS, without the policies' ":" (<see cref="GymText"/>): the last prompt token is
    /// then the group's name, whose state is the gate's input f_θ(x). With the ":" every prompt would end in the same
    /// token, whose state a from-scratch backbone trained only to rate responses has no reason to make group-specific.
    /// </summary>
    private TokenizedSequence Encode(string prompt, string response, MultiObjectiveGymOptions options) =>
        RewardInputs.Encode(Tokenizer, prompt, GymText.Completion(response), options.MaxLength);
}
