using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Core.Metrics;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Runtime;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.RewardModels;

/// <summary>
/// MRMBench-style probing (Wang et al. 2025, "MRMBench: Probing Preference Representations in Reward Models"): does a
/// reward model's representation encode each dimension of preference? Responses of mixed quality are drawn from a gym
/// world whose gold is a sum of named attributes (<see cref="IAttributedWorld"/>), the reward model's pooled hidden
/// state is read for each (<see cref="RewardFeatures"/>), and a ridge probe per attribute (and for the gold utility) is
/// fitted on 80 % of the responses and scored by R² on the rest (<see cref="RidgeProbe"/>). The same probe on an
/// untrained model of the same architecture is the baseline: what the architecture gives before any preference
/// training. The attributes are the ground truth the benchmark's annotations stand for.
/// </summary>
public static class RewardProbing
{
    /// <summary>One probed dimension: held-out R² on the trained model's features and on the untrained baseline's.</summary>
    public sealed record Row(string Dimension, double TrainedR2, double UntrainedR2);

    /// <summary>Probes the model in <paramref name="modelDirectory"/> on <paramref name="responses"/> responses of <paramref name="world"/>.</summary>
    public static IReadOnlyList<Row> Run(string modelDirectory, IAttributedWorld world, int responses, int seed, int maxLength = 256, double lambda = 1e-3)
    {
        if (responses < 20) throw new ArgumentException($"--samples must be ≥ 20 to hold out a fifth of them, found {responses}", "--samples");
        if (RewardEnsembleFolder.IsEnsemble(modelDirectory))
            throw new ArgumentException($"--model {modelDirectory} is an ensemble folder: probe one member (e.g. {Path.Combine(modelDirectory, "member-0")})", "--model");
        var samples = GymSampler.Sample(world, responses, 1, seed);
        var tokenizer = TokenizerFiles.Load(modelDirectory);
        var sequences = samples.Select(s => RewardPairs.Encode(tokenizer, Passage.FromText(s.Prompt), Passage.FromText(s.Response), maxLength)).ToList();
        double[][] trained, untrained;
        using (var model = RewardCheckpoint.Load(modelDirectory))
        {
            trained = RewardFeatures.Pooled(model, sequences);
            manual_seed(seed);
            using var fresh = ComputeTarget.Of(model).Apply(new RewardModel(model.Config));
            untrained = RewardFeatures.Pooled(fresh, sequences);
        }
        var order = Enumerable.Range(0, samples.Count).ToArray();
        new Random(seed).Shuffle(order);
        var (train, heldOut) = (order[..(order.Length * 4 / 5)], order[(order.Length * 4 / 5)..]);
        var attributes = samples.Select(s => world.Attributes(s.Prompt, s.Response)).ToList();
        var targets = world.AttributeNames.Select((name, a) => (name, (IReadOnlyList<double>)attributes.Select(v => v[a]).ToList()))
            .Append(("gold", samples.Select(s => s.GoldUtility).ToList()));
        return [.. targets.Select(t => new Row(t.Item1, RidgeProbe.HeldOutR2(trained, t.Item2, train, heldOut, lambda),
            RidgeProbe.HeldOutR2(untrained, t.Item2, train, heldOut, lambda)))];
    }
}
