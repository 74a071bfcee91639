using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Core.Gym.Demo;

/// <summary>
/// What every demo stage sees: the world, the seed, whether this is a quick run, the run folder (stages write their
/// checkpoints and logs under <c>OutputFolder/STAGE</c>), the sampled demonstrations and their simulated judgements,
/// and a log for progress lines. <see cref="Items"/> lets an earlier stage hand a later one its product (an SFT
/// checkpoint path, a reward model) by key.
/// </summary>
public sealed class DemoContext
{
    public required IWorld World { get; init; }
    public required int Seed { get; init; }
    public required bool Quick { get; init; }
    public required string OutputFolder { get; init; }
    public required IReadOnlyList<GymSample> Samples { get; init; }
    public required IReadOnlyList<GymJudgement> Judgements { get; init; }
    public TextWriter Log { get; init; } = TextWriter.Null;
    public Dictionary<string, object> Items { get; } = new(StringComparer.Ordinal);

    /// <summary>The stage's own folder under the run folder, created on demand.</summary>
    public string StageFolder(string stage) => Directory.CreateDirectory(Path.Combine(OutputFolder, stage)).FullName;
}
