using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Options;
using PrefSharp.Torch.Training.Reward;
using static TorchSharp.torch;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// Listwise against pairwise reward learning from the same k-way rankings (<see cref="GymRankingData"/>): a reward
/// model trained with a listwise loss on the full orders, and a Bradley–Terry model trained on only the top-versus-
/// bottom pair of each list, both scored by held-out GOLD accuracy (<see cref="GymRewardEvaluation.GoldAccuracy"/>).
/// Same backbone, steps, learning rate and lists (or pairs) per step.
/// </summary>
public sealed class GymListwiseExperiment
{
    private readonly IReadOnlyList<GymSample> samples;
    private readonly HashSet<string> heldOut;

    /// <summary>Samples k = <paramref name="listSize"/> responses for each of <paramref name="prompts"/> prompts; 20 % of prompts held out.</summary>
    public GymListwiseExperiment(IWorld world, int prompts = 300, int listSize = 4, int seed = 1)
    {
        samples = GymSampler.Sample(world, prompts, listSize, seed);
        heldOut = GymRewardData.HeldOutPrompts(samples, 0.2, seed + 2);
        Rankings = GymRankingData.Rankings(samples, heldOut, seed + 1);
    }

    /// <summary>The tokenizer every model here uses: <see cref="GymTokenizer"/>'s choice for the world's texts.</summary>
    public ITokenizer Tokenizer => tokenizer ??= GymTokenizer.Choose(samples.Select(s => (s.Prompt, s.Response)), 512).Tokenizer;

    private ITokenizer? tokenizer;

    /// <summary>The training rankings.</summary>
    public IReadOnlyList<TextRanking> Rankings { get; }

    /// <summary>Held-out gold accuracy of the listwise model and of BT on top-versus-bottom pairs.</summary>
    public (double Listwise, double TopBottomBradleyTerry) Accuracies(ListwiseLossKind loss, GymRewardOptions options)
    {
        var gold = GymRewardData.GoldPairs(samples, heldOut);
        using var pairwise = GymRewardTrainer.Train(GymRankingData.TopVersusBottom(Rankings), Tokenizer, options with { Objective = new RewardObjectiveOptions() });
        using var listwise = TrainListwise(loss, options);
        return (GymRewardEvaluation.GoldAccuracy(gold, listwise.ScoreMany), GymRewardEvaluation.GoldAccuracy(gold, pairwise.ScoreMany));
    }

    /// <summary>A tiny reward model trained on <see cref="Rankings"/> with <paramref name="loss"/> (labels: minus the rank).</summary>
    public RewardModelProxy TrainListwise(ListwiseLossKind loss, GymRewardOptions options)
    {
        manual_seed(options.Seed);
        var model = new RewardModel(new RewardModelConfig { Backbone = RewardModelPresets.Backbone(options.Preset, Tokenizer, Math.Max(options.MaxLength, 64)) });
        var directory = options.OutputDirectory ?? Directory.CreateTempSubdirectory("prefsharp-gym-listwise-").FullName;
        try
        {
            var lists = Rankings.Select(r => new ListwiseExample(
                r.Responses.Select(c => RewardModelProxy.Encode(Tokenizer, r.Prompt, c, options.MaxLength)).ToList(),
                r.Responses.Select((_, i) => -(double)i).ToList())).ToList();
            ListwiseRewardTraining.Train(model, lists, null, loss, new TrainingOptions
            {
                LearningRate = options.LearningRate, MaxSteps = options.Steps, MicroBatchSize = options.BatchSize, WarmupSteps = Math.Min(10, options.Steps / 10),
                Seed = options.Seed, CheckpointEvery = 0, KeepLastCheckpoints = 1, LogEvery = Math.Max(1, options.Steps), OutputDirectory = directory,
            });
            return new RewardModelProxy(model, Tokenizer, options.MaxLength);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        finally
        {
            if (options.OutputDirectory is null) Directory.Delete(directory, recursive: true);
        }
    }
}
