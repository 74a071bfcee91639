using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// Everything <c>prefsharp eval</c> needs: the models and prompts, the judge, and the folder that receives the answers
/// (<c>questions.jsonl</c>, <c>outputs/NAME.jsonl</c>), the verdict cache, the battles, the leaderboards and the report.
/// </summary>
public sealed record EvalJob
{
    public required IReadOnlyList<EvalModel> Models { get; init; }

    /// <summary>The prompts, each with its own id (a text may occur twice).</summary>
    public required IReadOnlyList<EvalPrompt> Prompts { get; init; }

    /// <summary>The model every other one is judged against (one of <see cref="Models"/>).</summary>
    public required string Baseline { get; init; }

    /// <summary>OpenAI-compatible servers of the judge, asked in turn.</summary>
    public required IReadOnlyList<Uri> JudgeEndpoints { get; init; }

    public required string JudgeModel { get; init; }

    public string? JudgeApiKey { get; init; }

    public double JudgeTimeoutSeconds { get; init; } = 60;

    /// <summary>The judge's prompt template file; null uses the shipped default.</summary>
    public string? Template { get; init; }

    /// <summary>Judge questions in flight at once.</summary>
    public int JudgeParallel { get; init; } = 4;

    public double MaxFailureFraction { get; init; } = 0.1;

    public GenerationSettings Generation { get; init; } = new();

    /// <summary>Bootstrap rounds of the leaderboard intervals (0: sandwich intervals).</summary>
    public int BootstrapRounds { get; init; } = 200;

    /// <summary>The judge's price in US dollars per million input and output tokens; null reports no cost.</summary>
    public (double Input, double Output)? Price { get; init; }

    /// <summary>The true utility of an answer to a prompt, when it is known (a gym world); the report then gives Kendall τ against it.</summary>
    public Func<string, string, double>? Gold { get; init; }

    public required string OutputDirectory { get; init; }

    public string OutputsPath(EvalModel model) => Path.Combine(OutputDirectory, "outputs", Safe(model.Name) + ".jsonl");

    public string QuestionsPath => Path.Combine(OutputDirectory, "questions.jsonl");

    public string CachePath => Path.Combine(OutputDirectory, "judge-cache.sqlite");

    public string BattlesPath => Path.Combine(OutputDirectory, "battles.jsonl");

    public string ReportPath => Path.Combine(OutputDirectory, "report.html");

    /// <summary>Throws <see cref="ArgumentException"/> naming the option at fault.</summary>
    public EvalJob Validate()
    {
        if (Models.Count < 2) throw new ArgumentException($"needs at least two models, found {Models.Count}", "--model");
        var twin = Models.GroupBy(m => Safe(m.Name), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twin is not null) throw new ArgumentException($"two models share the name \"{twin.First().Name}\"; name them NAME=…", "--model");
        if (Models.All(m => m.Name != Baseline))
            throw new ArgumentException($"\"{Baseline}\" is not one of the models ({string.Join(", ", Models.Select(m => m.Name))})", "--baseline");
        if (Prompts.Count == 0) throw new ArgumentException("no prompts to evaluate on", "--prompts");
        if (Prompts.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new ArgumentException($"two prompts share the id \"{repeated.Key}\"", "--prompts");
        if (Generation.Parallel < 1) throw new ArgumentException($"must be at least 1, found {Generation.Parallel}", "--parallel");
        if (BootstrapRounds < 0) throw new ArgumentException($"must be ≥ 0, found {BootstrapRounds}", "--bootstrap");
        return this;
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '@' ? c : '_'));
}
