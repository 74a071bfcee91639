namespace PrefSharp.Evaluation.Runs;

/// <summary>Everything <c>prefsharp judge</c> needs: inputs, the judge, the cache and where the results go.</summary>
public sealed record JudgeJob
{
    /// <summary>Model-output files (AlpacaEval <c>model_outputs.json</c> or Arena-Hard answer JSONL), the baseline's among them.</summary>
    public required IReadOnlyList<string> Outputs { get; init; }

    /// <summary>Arena-Hard's <c>question.jsonl</c>, needed only for Arena-Hard answers (<c>--questions</c>).</summary>
    public string? Questions { get; init; }

    /// <summary>OpenAI-compatible servers, asked in turn (<c>--judge URL</c>, <c>--endpoint</c>).</summary>
    public required IReadOnlyList<Uri> Endpoints { get; init; }

    /// <summary>The judge model name sent to every endpoint (<c>--judge-model</c>).</summary>
    public required string Model { get; init; }

    /// <summary>Bearer key (from <c>PREFSHARP_JUDGE_API_KEY</c>); null sends none.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Seconds one request may take before it is retried (<c>--judge-timeout</c>).</summary>
    public double TimeoutSeconds { get; init; } = 60;

    /// <summary>The prompt template file (<c>--template</c>); null uses the shipped default.</summary>
    public string? Template { get; init; }

    /// <summary>The SQLite verdict cache (<c>--cache</c>).</summary>
    public required string Cache { get; init; }

    /// <summary>The battles JSONL written (<c>--out</c>); the position-bias JSON goes beside it as <c>NAME.bias.json</c>.</summary>
    public required string Battles { get; init; }

    public required JudgeRunOptions Run { get; init; }

    /// <summary>Where the position-bias summary is written.</summary>
    public string BiasPath => Path.ChangeExtension(Battles.EndsWith(".gz", StringComparison.Ordinal) ? Battles[..^3] : Battles, ".bias.json");
}
