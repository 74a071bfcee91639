using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// <c>data curate</c> end to end: an ensemble trained on pairs with a tenth of the labels swapped flags the swapped
/// pairs of another such file, drops them or flips them back, and writes its strengths.
/// </summary>
public sealed class DataCurateCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("curate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Pairs whose chosen answer starts with "yes" and rejected with "nah", but a tenth of them swapped.</summary>
    private (string Path, HashSet<int> Swapped) Write(string name, int count, int seed)
    {
        string[] words = ["red", "blue", "cat", "dog", "sun", "sea", "one", "two"];
        var random = new Random(seed);
        var path = Path.Combine(directory, name);
        var swapped = Enumerable.Range(0, count).Where(i => i % 10 == seed % 10).ToHashSet();
        File.WriteAllLines(path, Enumerable.Range(0, count).Select(i =>
        {
            var (good, bad) = ($"yes {words[random.Next(words.Length)]}", $"nah {words[random.Next(words.Length)]}");
            return new JsonObject { ["prompt"] = $"q{seed}-{i}?", ["chosen"] = swapped.Contains(i) ? bad : good, ["rejected"] = swapped.Contains(i) ? good : bad }.ToJsonString();
        }));
        return (path, swapped);
    }

    [Fact]
    public void An_ensemble_flags_the_swapped_labels_and_curation_drops_or_flips_them()
    {
        var (training, _) = Write("train.jsonl", 120, seed: 5);
        var (data, swapped) = Write("pairs.jsonl", 120, seed: 6);
        var ensemble = Path.Combine(directory, "rm");
        var train = CliRun.Of("train-rm", "--data", training, "--preset", "tiny", "--vocab-size", "300", "--max-steps", "40", "--lr", "3e-3",
            "--batch-size", "8", "--eval-split", "0.1", "--seed", "1", "--ensemble", "2", "--out", ensemble);
        Assert.True(train.ExitCode == 0, train.Error + train.Output);

        var dropped = Path.Combine(directory, "dropped.jsonl");
        var strengths = Path.Combine(directory, "strengths.jsonl");
        var run = CliRun.Of("data", "curate", data, dropped, "--rm", ensemble, "--strengths", strengths);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
        Assert.Contains("120 pairs scored by 2 reward model(s)", run.Output);
        var rows = File.ReadAllLines(strengths).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var flagged = rows.Where(r => r.GetProperty("flagged").GetBoolean()).Select(r => r.GetProperty("index").GetInt32()).ToHashSet();
        Assert.True(flagged.Count(swapped.Contains) >= 10, $"flagged {string.Join(",", flagged.Order())}; swapped {string.Join(",", swapped)}\n{run.Output}");
        Assert.True(flagged.Count(i => !swapped.Contains(i)) <= 2, $"flagged {string.Join(",", flagged.Order())}");
        Assert.Equal(120 - flagged.Count, File.ReadAllLines(dropped).Length);
        Assert.All(rows, r => Assert.Equal(r.GetProperty("flagged").GetBoolean() ? "dropped-flagged" : "kept", r.GetProperty("decision").GetString()));

        var flippedPath = Path.Combine(directory, "flipped.jsonl");
        var flip = CliRun.Of("data", "curate", data, flippedPath, "--rm", ensemble, "--flip");
        Assert.True(flip.ExitCode == 0, flip.Error + flip.Output);
        var chosen = File.ReadAllLines(flippedPath).Select(l => JsonNode.Parse(l)!["chosen"]!.GetValue<string>()).ToList();
        Assert.Equal(120, chosen.Count);
        Assert.Equal(120 - 12 + 2 * flagged.Count(swapped.Contains) - flagged.Count, chosen.Count(c => c.StartsWith("yes", StringComparison.Ordinal)));

        var bad = CliRun.Of("data", "curate", data, flippedPath, "--rm", ensemble, "--min-strength", "1.5");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--min-strength", bad.Error);
    }
}
