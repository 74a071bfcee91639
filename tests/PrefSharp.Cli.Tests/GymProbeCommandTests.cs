namespace PrefSharp.Cli.Tests;

/// <summary><c>gym probe</c> end to end on a tiny reward model: one row per lexicon attribute and the gold utility.</summary>
public sealed class GymProbeCommandTests
{
    [Fact]
    public void A_reward_model_is_probed_for_every_attribute_and_worlds_without_attributes_are_refused()
    {
        var root = Directory.CreateTempSubdirectory("prefsharp-probe-").FullName;
        var samples = Path.Combine(root, "samples.jsonl");
        var pairs = Path.Combine(root, "pairs.jsonl");
        Assert.Equal(0, CliRun.Of("gym", "sample", "--world", "lexicon", "--prompts", "40", "--responses", "2", "--out", samples).ExitCode);
        Assert.Equal(0, CliRun.Of("gym", "annotate", "--world", "lexicon", "--input", samples, "--out", pairs).ExitCode);
        var model = Path.Combine(root, "rm");
        var train = CliRun.Of("train-rm", "--data", pairs, "--preset", "tiny", "--vocab-size", "300", "--max-steps", "2", "--out", model);
        Assert.True(train.ExitCode == 0, train.Error);

        var probe = CliRun.Of("gym", "probe", "--world", "lexicon", "--model", model, "--samples", "60");
        Assert.True(probe.ExitCode == 0, probe.Error);
        var rows = probe.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(["relevance", "valence", "focus", "cleanliness", "variety", "concision", "gold"], rows.Select(r => r[0]));
        Assert.All(rows, r => Assert.All(r[1..3], value => Assert.True(value == "—" || double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _), string.Join(' ', r))));
        Assert.Contains(rows, r => r[1] != "—");

        var sorting = CliRun.Of("gym", "probe", "--world", "sorting", "--model", model);
        Assert.Equal(2, sorting.ExitCode);
        Assert.Contains("sorting has no attribute decomposition", sorting.Error);
        Directory.Delete(root, recursive: true);
    }
}
