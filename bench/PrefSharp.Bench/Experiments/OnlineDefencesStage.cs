using PrefSharp.Recipes.Demo;
using PrefSharp.Recipes.Demo.Stages;
using PrefSharp.Recipes.GymRewards;
using PrefSharp.Recipes.Online;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Rewards.Shaping;
using PrefSharp.Torch.Rewards.Sources;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Bench.Experiments;

/// <summary>
/// After the demo's sft and reward-model stages: GRPO from the SFT policy on five rewards built from the reward-model
/// stage's model and its three seed members, same prompts and budget (<see cref="GrpoDemoSettings"/>): the single RM;
/// WCO and UWO over the members (Coste et al. 2024, §3); PAR, σ(r − r_ref) (Fu et al. 2025, §4); and the log-sigmoid
/// transform log σ(r − r_ref) (Wang et al. 2024, §3). r_ref is the RM's reward of one SFT-policy sample per prompt
/// (<see cref="ReferenceResponses"/>, as <c>grpo --shaping par</c> draws it). Metrics per variant: held-out gold of the
/// policy kept at the KL budget, held-out gold at the end, and the training curve's peak gold minus its final gold.
/// </summary>
internal sealed class OnlineDefencesStage(GrpoDemoSettings settings, double uwoLambda) : IDemoStage
{
    public static readonly string[] Variants = ["single", "wco", "uwo", "par", "log-sigmoid"];

    public string Name => "defences";

    public DemoStage Run(DemoContext context)
    {
        var sft = context.Products.SftCheckpoint ?? throw new InvalidOperationException("the sft stage did not run");
        using var proxy = GrpoDemoProxy.For(context);
        if (!proxy.IsRewardModel || context.Products.RewardModelMembers.Count < 2) throw new InvalidOperationException("the reward-model stage left no ensemble");
        var members = context.Products.RewardModelMembers.Select(folder => RewardCheckpoint.Load(folder)).ToList();
        var memberTokenizers = context.Products.RewardModelMembers.Select(folder => TokenizerFiles.Load(folder)).ToList();
        using var reference = Checkpoint.Load(sft);
        var tokenizer = TokenizerFiles.Load(sft);
        var template = ChatTemplate.For(tokenizer, ChatTemplateKind.Plain);
        var references = new ReferenceResponses(reference, p => GymText.PromptIds(template, p).Select(id => (long)id).ToArray(), 1,
            new GenerationOptions { MaxNewTokens = settings.MaxNewTokens, PadTokenId = tokenizer.PaddingId(), Seed = context.Seed },
            ids => GymText.Response(tokenizer.Decode(ids.Select(id => (int)id))));
        var memberSources = members.Select((m, k) => (IGroupRewardSource)new PointwiseRewardSource($"rm-{k}", items =>
            RewardScorer.Score(m, items.Select(i => RewardModelProxy.Encode(memberTokenizers[k], i.Prompt, i.Completion, 64)).ToList(), 64, normalize: true))).ToList();
        try
        {
            var metrics = new Dictionary<string, double>();
            foreach (var variant in Variants)
            {
                IGroupRewardSource source = variant switch
                {
                    "wco" => EnsembleRewardSource.WorstCase(memberSources),
                    "uwo" => EnsembleRewardSource.UncertaintyWeighted(memberSources, uwoLambda),
                    "par" => new CompositeRewardSource([proxy.Source], new CompositeRewardOptions { PreferenceAsReward = true }, references.For),
                    "log-sigmoid" => new CompositeRewardSource([proxy.Source], new CompositeRewardOptions { Aggregation = RewardAggregationKind.LogSigmoid }, references.For),
                    _ => proxy.Source,
                };
                var run = GrpoDemoRun.Run(context, $"defences-{variant}", sft, source, settings);
                var stageMetrics = new Dictionary<string, double>();
                var kept = GrpoDemoRun.HeldOut(context, run, sft, proxy.Source, settings, stageMetrics);
                metrics[$"{variant}/gold_at_budget"] = kept.GoldUtility;
                metrics[$"{variant}/gold_at_end"] = stageMetrics["heldout_gold_final"];
                metrics[$"{variant}/kl_at_end"] = stageMetrics["heldout_kl_final"];
                metrics[$"{variant}/gold_drop_after_peak"] = run.Curve.Max(p => p.Gold) - run.Curve[^1].Gold;
                context.Log.WriteLine($"defences {variant}: gold at budget {kept.GoldUtility:F3}, at end {stageMetrics["heldout_gold_final"]:F3}");
            }
            return new DemoStage { Name = Name, Status = DemoStageStatus.Ok, Metrics = metrics };
        }
        finally
        {
            foreach (var member in members) member.Dispose();
        }
    }
}
