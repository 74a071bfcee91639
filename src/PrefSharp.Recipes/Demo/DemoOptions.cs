using PrefSharp.Core.Gym;
using PrefSharp.Core.Gym.Worlds;

namespace PrefSharp.Recipes.Demo;

/// <summary>Options of a demo run; <see cref="Validate"/> names the option and its range.</summary>
public sealed record DemoOptions
{
    public required IWorld World { get; init; }
    public required string OutputFolder { get; init; }
    public int Seed { get; init; }

    /// <summary>Smaller data and fewer bootstrap rounds, for a first look in seconds.</summary>
    public bool Quick { get; init; }

    /// <summary>The annotator panel (see <see cref="AnnotatorSpec"/>). Default: one Bradley–Terry annotator, T = 1.</summary>
    public string Annotators { get; init; } = AnnotatorSpec.Default;

    /// <summary>Prompts sampled; default 400 quick (enough pairs for a reward model that beats the length and bag-of-words baselines), 1000 otherwise.</summary>
    public int? Prompts { get; init; }

    /// <summary>Responses per prompt; default 4.</summary>
    public int ResponsesPerPrompt { get; init; } = 4;

    public int EffectivePrompts => Prompts ?? (Quick ? 400 : 1000);

    public void Validate()
    {
        if (Prompts is < 1) throw new ArgumentException($"--prompts must be ≥ 1 (got {Prompts})");
        if (ResponsesPerPrompt < 2) throw new ArgumentException($"--responses must be ≥ 2 to form pairs (got {ResponsesPerPrompt})");
        if (string.IsNullOrWhiteSpace(OutputFolder)) throw new ArgumentException("--out: a folder is needed");
    }
}
