using System.Text.Json.Nodes;

namespace PrefSharp.Torch.Training.Checkpointing;

/// <summary>
/// Refuses to resume a checkpoint under options that change the trajectory (seed, learning rate and schedule, batch
/// size, accumulation, clipping, sequence length, a method's own loss options): the continued run would match neither
/// configuration. Compared are the saved options file and the given options, serialised the same way, leaf by leaf.
/// Not compared are what only decides how long the run goes or what it writes (<see cref="Unchecked"/>): extending a
/// finished run to more steps is a resume. Properties derived from others (<c>examples_per_step</c>) are not compared
/// either: their sources are.
/// </summary>
public static class ResumeCheck
{
    /// <summary>Option names (snake case, any depth) that may differ on resume.</summary>
    public static readonly IReadOnlySet<string> Unchecked = new HashSet<string>(StringComparer.Ordinal)
    {
        "output_directory", "max_steps", "epochs", "log_every", "eval_every", "checkpoint_every", "keep_last_checkpoints",
        "resume_with_changes", "kl_budget", "kl_budget_window", "examples_per_step",
    };

    /// <summary>Every compared option whose given value differs from the saved one; an option absent from either file is not compared.</summary>
    public static List<OptionChange> Differences(JsonNode? saved, JsonNode? given, long step)
    {
        var changes = new List<OptionChange>();
        Compare(saved, given, "", step, changes);
        return changes;
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> naming each changed option and both values unless
    /// <paramref name="allowChanges"/>; returns the changes (empty when the options match).
    /// </summary>
    public static List<OptionChange> Enforce(string checkpoint, JsonNode? saved, JsonNode? given, long step, bool allowChanges)
    {
        var changes = Differences(saved, given, step);
        if (changes.Count > 0 && !allowChanges)
            throw new ArgumentException($"{checkpoint} was trained with other options: {string.Join(", ", changes)}; "
                + "resume with the saved values, or pass --resume-with-changes to continue with the given ones (recorded in the checkpoint)");
        return changes;
    }

    /// <summary>What a run resumed at its last step says instead of training.</summary>
    public static string FinishedMessage(string outputDirectory, string checkpoint, long step, long totalSteps) =>
        $"the run in {outputDirectory} already finished: {checkpoint} is at step {step} of {totalSteps}; "
        + "nothing to train (raise --max-steps to train further)";

    /// <summary>The resume line: the checkpoint, the step, and the options this resume changed.</summary>
    public static string ResumedMessage(string checkpoint, TrainerState state)
    {
        var changed = state.ResumeChanges?.Where(c => c.Step == state.Step).ToList() ?? [];
        return $"resumed from {checkpoint} at step {state.Step}" + (changed.Count > 0 ? $" with changed options: {string.Join(", ", changed)}" : "");
    }

    private static void Compare(JsonNode? saved, JsonNode? given, string path, long step, List<OptionChange> changes)
    {
        if (saved is null && given is null) return;
        if (saved is JsonObject savedObject && given is JsonObject givenObject)
        {
            foreach (var (name, value) in savedObject)
                if (!Unchecked.Contains(name) && givenObject.TryGetPropertyValue(name, out var other))
                    Compare(value, other, path.Length == 0 ? name : $"{path}.{name}", step, changes);
            return;
        }
        var (savedText, givenText) = (saved?.ToJsonString() ?? "null", given?.ToJsonString() ?? "null");
        if (savedText != givenText) changes.Add(new OptionChange(path, savedText, givenText, step));
    }
}
