namespace PrefSharp.Recipes.Demo;

/// <summary>
/// One stage of <c>prefsharp demo</c>, pluggable as one class: it reads the run's data from the context (world,
/// samples, judgements, output folder), trains or evaluates, and returns its <see cref="DemoStage"/> row.
/// The pipeline times it and turns an exception into a "failed" row, so a stage need not catch.
/// </summary>
public interface IDemoStage
{
    /// <summary>The stage name in summary.json (sft, reward-model, dpo, grpo, pref-grpo, best-of-n).</summary>
    string Name { get; }

    DemoStage Run(DemoContext context);
}
