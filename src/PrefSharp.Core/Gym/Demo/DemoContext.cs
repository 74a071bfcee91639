using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Demo;

/// <summary>
/// What every demo stage sees: the world, the seed, whether this is a quick run, the run folder (stages write their
/// checkpoints and logs under <c>OutputFolder/STAGE</c>), the sampled demonstrations and their simulated judgements,
/// and a log for progress lines. <see cref="Items"/> lets an earlier stage hand a later one its product by key.
/// </summary>
/// <remarks>
/// Keys of <see cref="Items"/>: <c>"sft.checkpoint"</c> (string, the SFT policy folder: config.json, model.safetensors,
/// tokenizer files), <c>"reward-model.checkpoint"</c> (string, a RewardCheckpoint folder), and one
/// <c>"policy.STAGE"</c> (string, a policy checkpoint folder of the same layout as the SFT one) per stage that trained a
/// policy, written with <see cref="RegisterPolicy"/> and read with <see cref="Policies"/>: the end of the demo ranks
/// those policies against each other on <see cref="HeldOutPrompts"/>. The end of the demo may leave, for the report,
/// <see cref="LeaderboardKey"/> (a Ranking.Leaderboard of the policies, replacing the demonstrations' one),
/// <see cref="LeaderboardGoldKey"/> (IReadOnlyDictionary&lt;string, double&gt;: mean gold per leaderboard entry),
/// <see cref="LeaderboardNoteKey"/> (string: what the leaderboard ranks) and <see cref="OverOptimisationChartKey"/>
/// (a <see cref="DemoChart"/> of gold and proxy against KL). The best-of-n stage leaves <see cref="BestOfNPointsKey"/>
/// (IReadOnlyList&lt;BestOfNPoint&gt;) and <see cref="ProxyKey"/> (its BagOfWordsReward).
/// </remarks>
public sealed class DemoContext
{
    /// <summary>The prefix of a policy key in <see cref="Items"/>.</summary>
    public const string PolicyKeyPrefix = "policy.";

    public const string LeaderboardKey = "leaderboard";
    public const string LeaderboardGoldKey = "leaderboard.gold";
    public const string LeaderboardNoteKey = "leaderboard.note";
    public const string OverOptimisationChartKey = "over-optimisation.chart";
    public const string BestOfNPointsKey = "best-of-n.points";
    public const string ProxyKey = "best-of-n.proxy";

    public required IWorld World { get; init; }
    public required int Seed { get; init; }
    public required bool Quick { get; init; }
    public required string OutputFolder { get; init; }
    public required IReadOnlyList<GymSample> Samples { get; init; }
    public required IReadOnlyList<GymJudgement> Judgements { get; init; }
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>The simulated panel that labelled <see cref="Judgements"/> (empty: one default annotator).</summary>
    public IReadOnlyList<SimulatedAnnotator> Annotators { get; init; } = [];
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>The stage's own folder under the run folder, created on demand.</summary>
    public string StageFolder(string stage) => Directory.CreateDirectory(Path.Combine(OutputFolder, stage)).FullName;

    /// <summary>Records the checkpoint folder of the policy <paramref name="stage"/> trained (<c>Items["policy.STAGE"]</c>).</summary>
    public void RegisterPolicy(string stage, string checkpointFolder)
    {
        if (string.IsNullOrWhiteSpace(stage)) throw new ArgumentException("a stage name is needed", nameof(stage));
        if (!Directory.Exists(checkpointFolder)) throw new DirectoryNotFoundException($"policy checkpoint {checkpointFolder} does not exist");
        Items[PolicyKeyPrefix + stage] = checkpointFolder;
    }

    /// <summary>The registered policies (stage name, checkpoint folder) in the order they were registered.</summary>
    public IReadOnlyList<(string Stage, string Folder)> Policies =>
        Items.Where(p => p.Key.StartsWith(PolicyKeyPrefix, StringComparison.Ordinal) && p.Value is string)
            .Select(p => (p.Key[PolicyKeyPrefix.Length..], (string)p.Value)).ToList();

    /// <summary>
    /// The held-out prompts every stage scores its policy on: fresh world prompts from a generator of their own
    /// (seed + 7919), never among the training data's draws; 48 with <see cref="Quick"/>, 200 otherwise.
    /// </summary>
    public IReadOnlyList<string> HeldOutPrompts()
    {
        var random = new Random(unchecked(Seed + 7919));
        return Enumerable.Range(0, Quick ? 48 : 200).Select(_ => World.SamplePrompt(random)).ToList();
    }
}
