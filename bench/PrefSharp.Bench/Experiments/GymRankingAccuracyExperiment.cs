using PrefSharp.Core.Data;
using PrefSharp.Core.Gym.Worlds;
using PrefSharp.Recipes.Dpo;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Batches;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Training.Dpo;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Options;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// Chen et al. 2024's finding in a gym world: DPO's ranking accuracy stays far below the idealised ranking accuracy of
/// the exact DPO optimum (Theorem 3.1). Data: <see cref="GymRewardData.Generate"/> (panel-labelled training pairs,
/// held-out gold pairs). The true preference probability of a pair is the world's annotator model, Bradley–Terry at
/// temperature 1 on gold utility: α = σ(u_w − u_l). Policy and reference start from one tiny random decoder
/// (<see cref="RewardModelPresets"/> "tiny" backbone): a departure from the paper, whose reference is an SFT model.
/// </summary>
public sealed class GymRankingAccuracyExperiment(IWorld world, int prompts, int seed)
{
    /// <summary>Ranking reports before (policy = reference) and after DPO training of <paramref name="steps"/> steps at β.</summary>
    public (RankingReport TrainBefore, RankingReport Train, RankingReport HeldOut) Run(int steps, double beta, string scratch)
    {
        var (samples, train, heldOut) = GymRewardData.Generate(world, prompts, 4, 0.2, seed, votes: 9, minMargin: 3);
        var utility = samples.GroupBy(s => (s.Prompt, s.Response)).ToDictionary(g => g.Key, g => g.First().GoldUtility);
        var tokenizer = GymTokenizer.Choose(samples.Where(s => !heldOut.Contains(s.PromptId)).Select(s => (s.Prompt, s.Response)), 512).Tokenizer;
        var chat = ChatTemplate.For(tokenizer, ChatTemplateKind.Plain);
        var plain = new PlainTemplate(tokenizer);
        (List<TokenizedPair> Pairs, List<double?> Alphas) Encode(IEnumerable<TextPair> pairs)
        {
            var list = pairs.ToList();
            var encoded = list.Select(p => PairEncoding.Encode(new PreferencePair(Passage.FromText(p.Prompt), Passage.FromText(p.Chosen), Passage.FromText(p.Rejected)),
                chat, plain, 128)).ToList();
            var alphas = list.Select(p => (double?)(1 / (1 + Math.Exp(-(utility[(p.Prompt, p.Chosen)] - utility[(p.Prompt, p.Rejected)]))))).ToList();
            return (encoded, alphas);
        }
        var trainSet = Encode(train);
        var heldOutSet = Encode(GymRewardData.GoldPairs(samples, heldOut));
        TorchSharp.torch.manual_seed(seed);
        using var policy = CausalLM.Create(RewardModelPresets.Backbone("tiny", tokenizer, 128));
        using var reference = FrozenReference.CopyOf(policy);
        var padId = tokenizer.PaddingId();
        var before = RankingEvaluation.Run(policy, reference, trainSet.Pairs, trainSet.Alphas, padId, 32, beta);
        var options = new DpoOptions { LossOptions = new() { Beta = beta } };
        var training = new TrainingOptions
        {
            LearningRate = 1e-3, MaxSteps = steps, MicroBatchSize = 32, CheckpointEvery = 0, LogEvery = 1000, Seed = seed,
            OutputDirectory = Path.Combine(scratch, $"ranking-{world.Name}-{seed}"),
        };
        using (var trainer = new DpoTrainer(policy, trainSet.Pairs, padId, options, training, reference: reference, progress: ProgressReporter.Silent))
            trainer.Run();
        return (before, RankingEvaluation.Run(policy, reference, trainSet.Pairs, trainSet.Alphas, padId, 32, beta),
            RankingEvaluation.Run(policy, reference, heldOutSet.Pairs, heldOutSet.Alphas, padId, 32, beta));
    }
}
