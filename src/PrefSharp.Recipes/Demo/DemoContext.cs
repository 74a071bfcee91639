using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Sampling;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Recipes.Demo;

/// <summary>
/// What every demo stage sees: the world, the seed, whether this is a quick run, the run folder (stages write their
/// checkpoints and logs under <c>OutputFolder/STAGE</c>), the sampled demonstrations and their simulated judgements,
/// and a log for progress lines. <see cref="Products"/> is how an earlier stage hands a later one (and the report) what it
/// made; the end of the demo ranks the registered policies against each other on <see cref="HeldOutPrompts"/>.
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

    /// <summary>The simulated panel that labelled <see cref="Judgements"/> (empty: one default annotator).</summary>
    public IReadOnlyList<SimulatedAnnotator> Annotators { get; init; } = [];

    /// <summary>What the stages have made so far.</summary>
    public DemoProducts Products { get; } = new();

    /// <summary>The stage's own folder under the run folder, created on demand.</summary>
    public string StageFolder(string stage) => Directory.CreateDirectory(Path.Combine(OutputFolder, stage)).FullName;

    /// <summary>Records the checkpoint folder of the policy <paramref name="stage"/> trained.</summary>
    public void RegisterPolicy(string stage, string checkpointFolder)
    {
        if (string.IsNullOrWhiteSpace(stage)) throw new ArgumentException("a stage name is needed", nameof(stage));
        if (!Directory.Exists(checkpointFolder)) throw new DirectoryNotFoundException($"policy checkpoint {checkpointFolder} does not exist");
        Products.AddPolicy(stage, checkpointFolder);
    }

    /// <summary>The registered policies (stage name, checkpoint folder) in the order they were registered.</summary>
    public IReadOnlyList<(string Stage, string Folder)> Policies => Products.Policies;

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
