using System.Globalization;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Ranking;
using PrefSharp.Torch.Generation;

namespace PrefSharp.Recipes.Demo.Stages;

/// <summary>
/// The demo's last stage, "leaderboard": every policy a stage registered (<see cref="DemoContext.Policies"/>: sft, dpo,
/// grpo, pref-grpo …) answers each held-out prompt once, next to one demonstration per quality level (fixed reference
/// points); the run's simulated panel judges every pair of different answers to the same prompt, and a Bradley–Terry
/// leaderboard with bootstrap intervals (<see cref="LeaderboardBuilder"/>, baseline "sft") ranks them all. It also
/// scores each policy with <see cref="PolicyScorecard"/> (gold, KL from the SFT policy, the best-of-n stage's
/// bag-of-words proxy) and draws the over-optimisation chart: the best-of-n curve and one point per trained policy.
/// </summary>
public sealed class PolicyLeaderboardStage : IDemoStage
{
    public string Name => "leaderboard";

    public DemoStage Run(DemoContext context)
    {
        var policies = context.Policies;
        if (policies.Count == 0)
            return DemoStage.NotAvailable(Name, "No stage trained a policy, so the leaderboard ranks the demonstration quality levels only.");
        using var threads = IntraOpThreadLimit.To(1);
        var prompts = context.HeldOutPrompts();
        var proxy = context.Products.Proxy ?? BagOfWordsReward.Fit(
            GymRecords.ToPairs(context.World, context.Judgements).Select(p => (p.Chosen.Text!, p.Rejected.Text!, p.IsTie)).ToList());
        var referenceFolder = context.Products.SftCheckpoint ?? policies[0].Folder;
        using var reference = PolicySampler.Load(referenceFolder);

        var players = new List<GymSample>();
        var scores = new List<(string Stage, PolicyScore Score)>();
        foreach (var (stage, folder) in policies)
        {
            using var policy = PolicySampler.Load(folder);
            var samples = policy.Sample(prompts, 1, unchecked(context.Seed + 101));
            scores.Add((stage, PolicyScorecard.Score(samples, reference, context.World, PolicyScorecard.PerItem((_, r) => proxy.Score(r)))));
            players.AddRange(Enumerable.Range(0, samples.Count).Select(i => Player(context, i, samples.Prompts[i], samples.Responses[i], stage)));
        }
        var random = new Random(unchecked(context.Seed + 103));
        foreach (var quality in GymSampler.DefaultQualities)
            players.AddRange(prompts.Select((p, i) => Player(context, i, p, context.World.Demonstrate(p, quality, random), GymSampler.PolicyName(quality))));

        var annotators = context.Annotators.Count > 0 ? context.Annotators : AnnotatorSpec.Parse(AnnotatorSpec.Default);
        var judgements = GymAnnotation.Annotate(context.World, players.OrderBy(p => p.PromptId, StringComparer.Ordinal).ToList(), annotators, unchecked(context.Seed + 107));
        var battles = GymRecords.ToBattles(judgements).ToList();
        var leaderboard = LeaderboardBuilder.Build(battles, new LeaderboardOptions
        {
            BootstrapRounds = context.Quick ? 200 : 1000, Seed = context.Seed, Baseline = policies[0].Stage,
        });
        var gold = players.GroupBy(p => p.Policy).ToDictionary(g => g.Key, g => g.Average(p => p.GoldUtility));
        context.Products.PolicyLeaderboard = leaderboard;
        context.Products.PolicyGold = gold;
        context.Products.LeaderboardNote = string.Create(CultureInfo.InvariantCulture,
            $"Players: the trained policies ({string.Join(", ", policies.Select(p => p.Stage))}, one sample each) and one demonstration per quality level, on the same {prompts.Count} held-out prompts; " +
            $"{battles.Count:N0} simulated judgements by the run's panel; win rates against {policies[0].Stage}.");
        context.Products.OverOptimisation = Chart(context, scores);
        return Row(leaderboard, scores, gold, battles.Count, prompts.Count);
    }

    private static GymSample Player(DemoContext context, int prompt, string text, string response, string policy) =>
        new($"h{prompt:D4}", text, response, policy, context.World.GoldUtility(text, response));

    private static DemoChart Chart(DemoContext context, List<(string Stage, PolicyScore Score)> scores)
    {
        var series = new List<DemoSeries>();
        if (context.Products.BestOfNPoints is { Count: > 0 } points)
        {
            series.Add(new DemoSeries("best-of-n: gold", points.Select(p => p.Kl).ToArray(), points.Select(p => p.GoldUtility).ToArray()));
            series.Add(new DemoSeries("best-of-n: proxy", points.Select(p => p.Kl).ToArray(), points.Select(p => p.ProxyReward).ToArray()));
        }
        var ordered = scores.OrderBy(s => s.Score.Kl).ToList();
        var names = string.Join(", ", ordered.Select(s => s.Stage));
        series.Add(new DemoSeries($"policies ({names}): gold", ordered.Select(s => s.Score.Kl).ToArray(), ordered.Select(s => s.Score.GoldUtility).ToArray()));
        series.Add(new DemoSeries($"policies ({names}): proxy", ordered.Select(s => s.Score.Kl).ToArray(), ordered.Select(s => s.Score.ProxyReward ?? double.NaN).ToArray()));
        return new DemoChart("Gold and proxy against KL: best-of-n and the trained policies", "KL from the base policy (nats)", "mean score", series);
    }

    private DemoStage Row(Leaderboard leaderboard, List<(string Stage, PolicyScore Score)> scores, Dictionary<string, double> gold, int battles, int prompts)
    {
        var metrics = new Dictionary<string, double> { ["battles"] = battles, ["prompts"] = prompts };
        foreach (var (stage, score) in scores)
        {
            metrics[$"{stage}.gold"] = score.GoldUtility;
            metrics[$"{stage}.kl"] = score.Kl;
            metrics[$"{stage}.proxy_bow"] = score.ProxyReward ?? double.NaN;
        }
        var top = leaderboard.Items[0];
        var policyText = string.Join("; ", scores.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{s.Stage}: rank {leaderboard[s.Stage].Rank}, gold {s.Score.GoldUtility:F2}, KL {s.Score.Kl:F2}, proxy {s.Score.ProxyReward:F2}")));
        var narrative = string.Create(CultureInfo.InvariantCulture,
            $"{scores.Count} trained polic{(scores.Count == 1 ? "y" : "ies")} and {GymSampler.DefaultQualities.Count} demonstration levels answered the same {prompts} held-out prompts; " +
            $"{battles:N0} simulated pairwise judgements rank them (top: {top.Name}, rating {top.Rating:F0}). ") + policyText +
            ". Gold of the demonstration levels for comparison: " +
            string.Join(", ", GymSampler.DefaultQualities.Select(q => string.Create(CultureInfo.InvariantCulture, $"{GymSampler.PolicyName(q)} {gold[GymSampler.PolicyName(q)]:F2}"))) + ".";
        return new DemoStage { Name = Name, Status = DemoStageStatus.Ok, Metrics = metrics, Narrative = narrative };
    }
}
