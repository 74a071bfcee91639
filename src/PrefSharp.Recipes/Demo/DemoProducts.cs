using PrefSharp.Core.Gym.Proxy;
using PrefSharp.Core.Ranking;
using PrefSharp.Recipes.Demo.Stages;

namespace PrefSharp.Recipes.Demo;

/// <summary>
/// What the stages of one demo run hand each other and the report: each property is written by one stage and read by
/// later ones (null or empty while that stage has not run or has failed). Policy checkpoints go through
/// <see cref="DemoContext.RegisterPolicy"/>.
/// </summary>
public sealed class DemoProducts
{
    private readonly List<(string Stage, string Folder)> policies = [];

    /// <summary>best-of-n: its bag-of-words proxy reward.</summary>
    public BagOfWordsReward? Proxy { get; set; }

    /// <summary>best-of-n: gold and proxy of the best of n against KL.</summary>
    public IReadOnlyList<BestOfNPoint> BestOfNPoints { get; set; } = [];

    /// <summary>sft: the SFT policy folder (config.json, model.safetensors, tokenizer files).</summary>
    public string? SftCheckpoint { get; set; }

    /// <summary>reward-model: the reward model's folder (a RewardCheckpoint).</summary>
    public string? RewardModelCheckpoint { get; set; }

    /// <summary>reward-model: the ensemble members' folders, member 0 first.</summary>
    public IReadOnlyList<string> RewardModelMembers { get; set; } = [];

    /// <summary>grpo: its curve, shown beside pref-grpo's.</summary>
    public IReadOnlyList<GrpoCurvePoint>? GrpoCurve { get; set; }

    /// <summary>leaderboard: the Bradley–Terry leaderboard of the trained policies (replaces the demonstrations' one).</summary>
    public Leaderboard? PolicyLeaderboard { get; set; }

    /// <summary>leaderboard: mean gold utility per leaderboard entry.</summary>
    public IReadOnlyDictionary<string, double> PolicyGold { get; set; } = new Dictionary<string, double>();

    /// <summary>leaderboard: what the leaderboard ranks.</summary>
    public string LeaderboardNote { get; set; } = "";

    /// <summary>leaderboard: gold and proxy of every policy against KL.</summary>
    public DemoChart? OverOptimisation { get; set; }

    /// <summary>The registered policies (stage name, checkpoint folder) in the order they were registered.</summary>
    public IReadOnlyList<(string Stage, string Folder)> Policies => policies;

    internal void AddPolicy(string stage, string folder)
    {
        var index = policies.FindIndex(p => p.Stage == stage);
        if (index >= 0) policies[index] = (stage, folder);
        else policies.Add((stage, folder));
    }
}
