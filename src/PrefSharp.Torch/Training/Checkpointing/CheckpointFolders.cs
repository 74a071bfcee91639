using System.Globalization;
using System.Text.RegularExpressions;

namespace PrefSharp.Torch.Training.Checkpointing;

/// <summary>
/// The <c>checkpoint-STEP/</c> folders of an output folder. A checkpoint is written into a hidden temporary folder
/// and renamed into place once complete, so a crash leaves either the whole checkpoint or none; a folder is complete
/// when it holds <see cref="TrainerState.FileName"/>.
/// </summary>
public static partial class CheckpointFolders
{
    /// <summary>Name of the checkpoint of <paramref name="step"/>.</summary>
    public static string NameOf(long step) => $"checkpoint-{step.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Complete checkpoints in <paramref name="outputDirectory"/>, oldest first (by step).</summary>
    public static IReadOnlyList<(long Step, string Path)> List(string outputDirectory)
    {
        if (!Directory.Exists(outputDirectory)) return [];
        return Directory.EnumerateDirectories(outputDirectory)
            .Select(path => (Match: CheckpointName().Match(Path.GetFileName(path)), Path: path))
            .Where(c => c.Match.Success && File.Exists(System.IO.Path.Combine(c.Path, TrainerState.FileName)))
            .Select(c => (long.Parse(c.Match.Groups[1].Value, CultureInfo.InvariantCulture), c.Path))
            .OrderBy(c => c.Item1)
            .ToList();
    }

    /// <summary>The newest complete checkpoint, or null.</summary>
    public static string? Latest(string outputDirectory) => List(outputDirectory) is { Count: > 0 } all ? all[^1].Path : null;

    /// <summary>
    /// Runs <paramref name="write"/> on a fresh temporary folder, then renames it to <c>checkpoint-STEP</c> (replacing
    /// an older folder of that name). The temporary folder is removed on failure. Returns the final path.
    /// </summary>
    public static string WriteAtomically(string outputDirectory, long step, Action<string> write)
    {
        Directory.CreateDirectory(outputDirectory);
        var final = Path.Combine(outputDirectory, NameOf(step));
        var temporary = Path.Combine(outputDirectory, $".{NameOf(step)}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        try
        {
            write(temporary);
            if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
            Directory.Move(temporary, final);
            return final;
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> complete checkpoints (0 keeps all) and stale temporary folders.</summary>
    public static void Prune(string outputDirectory, int keep)
    {
        foreach (var stale in Directory.EnumerateDirectories(outputDirectory, ".checkpoint-*.tmp"))
            Directory.Delete(stale, recursive: true);
        if (keep <= 0) return;
        var all = List(outputDirectory);
        foreach (var (_, path) in all.Take(Math.Max(0, all.Count - keep))) Directory.Delete(path, recursive: true);
    }

    [GeneratedRegex(@"^checkpoint-(\d{1,18})$")]
    private static partial Regex CheckpointName();
}
