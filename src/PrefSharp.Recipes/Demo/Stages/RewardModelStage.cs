using System.Globalization;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The demo's reward-model stage. Holds out 20 % of the prompts, trains a Bradley–Terry reward model on every pair of
/// the rest labelled by the run's annotators as a panel (9 votes, majority, pairs with a majority under 3 dropped:
/// <see cref="GymRewardData.PanelPairs"/>, the recipe of the gym-reward-model benchmark and of the DPO stage) from the
/// SFT checkpoint's backbone and tokenizer when the sft stage left one (<see cref="DemoProducts.SftCheckpoint"/>), else a tiny
/// model from scratch on the world's tokenizer (<see cref="GymTokenizer.Choose"/>), and measures it
/// against GOLD preferences on the held-out prompts beside the length-only and bag-of-words baselines. It then trains
/// two more members and plots best-of-N gold utility when the single model or the ensemble (WCO, UWO; Coste et al.
/// 2023) picks among N fresh demonstrations: the over-optimisation plot. The model is saved under the stage folder
/// and its path handed on as <see cref="DemoProducts.RewardModelCheckpoint"/>; load it with <see cref="RewardModelProxy.Load"/>.
/// The three members' folders go to <see cref="DemoProducts.RewardModelMembers"/> (the grpo stage's worst-case ensemble).
/// </summary>
public sealed class RewardModelStage : IDemoStage
{
    private const int BestOfN = 16;

    /// <summary>Panel votes per training pair and the smallest majority kept (as the DPO stage labels its pairs).</summary>
    private const int Votes = 9, MinVoteMargin = 3;

    public string Name => "reward-model";

    public DemoStage Run(DemoContext context)
    {
        using var threads = IntraOpThreadLimit.To(1);   // tiny models: one intra-op thread is as fast and far faster on a shared machine
        var heldOut = GymRewardData.HeldOutPrompts(context.Samples, 0.2, context.Seed + 3);
        var annotators = context.Annotators.Count > 0 ? context.Annotators : AnnotatorSpec.Parse(AnnotatorSpec.Default);
        var train = GymRewardData.PanelPairs(context.World, context.Samples, heldOut, annotators, Votes, MinVoteMargin, context.Seed + 4);
        var gold = GymRewardData.GoldPairs(context.Samples, heldOut);
        var folder = context.StageFolder(Name);
        var sft = context.Products.SftCheckpoint;
        var choice = sft is null ? GymTokenizer.Choose(context.Samples.Where(s => !heldOut.Contains(s.PromptId)).Select(s => (s.Prompt, s.Response)), 512) : null;
        var tokenizer = choice?.Tokenizer ?? TokenizerFiles.Load(sft!);
        var options = new GymRewardOptions
        {
            Steps = context.Quick ? 300 : 600, LearningRate = 1e-3, Seed = context.Seed,
            OutputDirectory = Path.Combine(folder, "training"),
        };
        Func<RewardModel>? create = sft is null ? null : () => RewardCheckpoint.FromCausalLM(sft);
        context.Log.WriteLine($"reward-model: {train.Count} training pairs, {gold.Count} held-out gold pairs, {(sft is null ? "trained from scratch" : "starting from the SFT policy")}");
        var members = new List<RewardModelProxy>();
        try
        {
            members.Add(GymRewardTrainer.Train(train, tokenizer, options, create));
            var modelFolder = Save(members[0], choice, sft, Path.Combine(folder, "model"));
            context.Products.RewardModelCheckpoint = modelFolder;
            var accuracy = GymRewardEvaluation.GoldAccuracy(gold, members[0].ScoreMany);
            var length = GymRewardEvaluation.LengthAccuracy(gold);
            var bag = BagOfWordsReward.Fit(train.Select(p => (p.Chosen, p.Rejected, false)).ToList());
            var bagAccuracy = GymRewardEvaluation.GoldAccuracy(gold, items => items.Select(i => bag.Score(i.Completion)).ToArray());
            var memberFolders = new List<string> { modelFolder };
            for (var k = 1; k < 3; k++)
            {
                members.Add(GymRewardTrainer.Train(train, tokenizer, options with { Seed = options.Seed + k, OutputDirectory = Path.Combine(folder, $"member-{k}") }, create));
                memberFolders.Add(Save(members[k], choice, sft, Path.Combine(folder, $"member-{k}", "model")));
            }
            context.Products.RewardModelMembers = memberFolders;
            var candidates = GymRewardEvaluation.Candidates(context.World, context.Quick ? 60 : 200, BestOfN, context.Seed + 5);
            var single = GymRewardEvaluation.BestOfN(candidates, members[0].ScoreMany);
            var wco = GymRewardEvaluation.BestOfN(candidates, i => GymRewardTrainer.ScoreEnsemble(members, i, EnsembleAggregationKind.WorstCase));
            var uwo = GymRewardEvaluation.BestOfN(candidates, i => GymRewardTrainer.ScoreEnsemble(members, i, EnsembleAggregationKind.UncertaintyWeighted));
            var picks = candidates.Select(c => members[0].ScoreMany(c.Select(s => (s.Prompt, s.Response)).ToList()).Max()).Average();
            return Row(train.Count, gold.Count, accuracy, length, bagAccuracy, single, wco, uwo, picks, modelFolder);
        }
        finally
        {
            foreach (var member in members) member.Dispose();
        }
    }

    private static string Save(RewardModelProxy proxy, GymTokenizerChoice? choice, string? sft, string directory)
    {
        RewardCheckpoint.Save(proxy.Model, directory);
        if (choice is not null) choice.Save(directory);
        else TokenizerFiles.CopyFiles(sft!, directory);
        return directory;
    }

    private DemoStage Row(int trainPairs, int goldPairs, double accuracy, double length, double bag, double[] single, double[] wco, double[] uwo,
        double proxyOfPicks, string modelFolder)
    {
        var kl = Enumerable.Range(1, single.Length).Select(BestOfNSweep.KlOfBestOfN).ToArray();
        var narrative = string.Create(CultureInfo.InvariantCulture,
            $"A reward model was trained on {trainPairs:N0} simulated preference pairs and tested on {goldPairs:N0} pairs from held-out prompts, " +
            $"ordered by the GOLD utility: accuracy {accuracy:P1}, against {length:P1} for \"the longer answer wins\" and {bag:P1} for a bag-of-words " +
            $"Bradley–Terry proxy. Best-of-{BestOfN} against it reaches gold {single[^1]:F2} (from {single[0]:F2} at N = 1); a three-member ensemble " +
            $"reaches {wco[^1]:F2} with worst-case and {uwo[^1]:F2} with uncertainty-weighted aggregation. Saved to {modelFolder}.");
        return new DemoStage
        {
            Name = Name,
            Status = DemoStageStatus.Ok,
            GoldUtility = single[^1],
            ProxyReward = proxyOfPicks,
            Kl = kl[^1],
            Metrics = new Dictionary<string, double>
            {
                ["heldout_accuracy"] = accuracy,
                ["length_baseline_accuracy"] = length,
                ["bow_baseline_accuracy"] = bag,
                ["train_pairs"] = trainPairs,
                ["gold_pairs"] = goldPairs,
                ["bon_gold_single"] = single[^1],
                ["bon_gold_wco"] = wco[^1],
                ["bon_gold_uwo"] = uwo[^1],
            },
            Narrative = narrative,
            Charts =
            [
                new DemoChart($"Best-of-N against the reward model (N = 1…{BestOfN}): gold utility of the pick", "KL from the base policy (nats)", "mean gold utility",
                [
                    new DemoSeries("single reward model", kl, single),
                    new DemoSeries("ensemble, worst case (WCO)", kl, wco),
                    new DemoSeries("ensemble, uncertainty-weighted (UWO)", kl, uwo),
                ]),
            ],
        };
    }
}
