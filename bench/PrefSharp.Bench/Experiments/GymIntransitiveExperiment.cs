using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Reward;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// A General Preference Model against a Bradley–Terry reward model on a world whose preference need not be
/// transitive (<see cref="IntransitiveWorld"/>: a cyclic style term). Both train on the same annotator-labelled pairs
/// (<see cref="GymRewardData"/>); both are scored on held-out prompts against the WORLD'S OWN preference: every pair of
/// distinct responses with a non-zero <see cref="IWorld.PreferenceMargin"/>, the pair counted right when the model's
/// logit P(a ≻ b) has the margin's sign (<see cref="PreferenceLogits"/>). Zhang et al. 2024 (§5.1, cyclic
/// preferences) report that a BT model cannot exceed what a single order allows while GPM can fit the cycle.
/// </summary>
public sealed class GymIntransitiveExperiment(IWorld world, int prompts = 300, int responsesPerPrompt = 4, int seed = 1)
{
    private readonly (IReadOnlyList<GymSample> Samples, List<TextPair> Train, HashSet<string> HeldOut) data =
        GymRewardData.Generate(world, prompts, responsesPerPrompt, 0.2, seed, votes: 1, minMargin: 1);   // one annotator vote per pair, ties dropped

    /// <summary>The tokenizer both models use: <see cref="GymTokenizer"/>'s choice for the world's texts (one token per word here).</summary>
    public ITokenizer Tokenizer => tokenizer ??= GymTokenizer.Choose(data.Samples.Select(s => (s.Prompt, s.Response)), 512).Tokenizer;

    private ITokenizer? tokenizer;

    /// <summary>Held-out pairs oriented by the sign of the world's preference margin (zero margins left out).</summary>
    public IReadOnlyList<TextPair> HeldOutPreferences()
    {
        var pairs = new List<TextPair>();
        foreach (var prompt in data.Samples.Where(s => data.HeldOut.Contains(s.PromptId)).GroupBy(s => s.PromptId))
        {
            var responses = prompt.ToList();
            for (var i = 0; i < responses.Count; i++)
                for (var j = i + 1; j < responses.Count; j++)
                {
                    var (a, b) = (responses[i], responses[j]);
                    var margin = world.PreferenceMargin(a.Prompt, a.Response, b.Response, null);
                    if (margin == 0 || a.Response == b.Response) continue;
                    pairs.Add(margin > 0 ? new TextPair(a.Prompt, a.Response, b.Response) : new TextPair(a.Prompt, b.Response, a.Response));
                }
        }
        return pairs;
    }

    /// <summary>
    /// Held-out accuracy against the world's preference of a BT model (at <paramref name="options"/>) and of a GPM of
    /// width <paramref name="dimension"/> trained at <paramref name="gpmLearningRate"/> (default 1e-3: at β = 0.1 the
    /// gym's 3e-3 can collapse the embeddings, see the GPM head tests) and β = <paramref name="gpmBeta"/> (default the
    /// paper's 0.1; accuracy reads only the sign of the logit, so β changes the training dynamics, not the metric).
    /// </summary>
    public (double BradleyTerry, double GeneralPreference) Accuracies(GymRewardOptions options, int dimension = GeneralPreferenceConfig.DefaultDimension,
        bool promptGate = true, double gpmLearningRate = 1e-3, double? gpmBeta = null)
    {
        var train = data.Train;
        var heldOut = HeldOutPreferences();
        using var bt = GymRewardTrainer.Train(train, Tokenizer, options with { Objective = new RewardObjectiveOptions() });
        using var gpm = GymRewardTrainer.Train(train, Tokenizer, options with
            {
                LearningRate = gpmLearningRate, Objective = new RewardObjectiveOptions { Loss = RewardLossKind.GeneralPreference },
            },
            () => new RewardModel(new RewardModelConfig
            {
                Backbone = RewardModelPresets.Backbone(options.Preset, Tokenizer, Math.Max(options.MaxLength, 64)),
                NumLabels = dimension,
                GeneralPreference = new GeneralPreferenceConfig { PromptGate = promptGate, Beta = gpmBeta ?? new GeneralPreferenceConfig().Beta },
            }));
        return (Accuracy(bt, heldOut, options.MaxLength), Accuracy(gpm, heldOut, options.MaxLength));
    }

    /// <summary>The share of <paramref name="pairs"/> whose preference logit is positive (zero counts ½).</summary>
    public static double Accuracy(RewardModelProxy proxy, IReadOnlyList<TextPair> pairs, int maxLength)
    {
        if (pairs.Count == 0) throw new ArgumentException("no held-out pairs", nameof(pairs));
        var logits = PreferenceLogits.Pairs(proxy.Model, pairs.Select(p => (RewardModelProxy.Encode(proxy.Tokenizer, p.Prompt, p.Chosen, maxLength),
            RewardModelProxy.Encode(proxy.Tokenizer, p.Prompt, p.Rejected, maxLength))).ToList(), 32);
        return logits.Average(l => l > 0 ? 1.0 : l == 0 ? 0.5 : 0.0);
    }
}
