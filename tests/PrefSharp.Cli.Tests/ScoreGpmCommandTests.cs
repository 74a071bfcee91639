using System.Text.Json;
using System.Text.Json.Nodes;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Cli.Tests;

/// <summary>
/// <c>score</c> on a General Preference Model: each completion's win rate against the other completions of its prompt,
/// checked against a plain-double evaluation of the GPM formula on the model's own embeddings.
/// </summary>
public sealed class ScoreGpmCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("prefsharp-score-gpm-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    // Prompt "p1" has three distinct completions over three pairs, "p2" two over one pair.
    private static readonly (string Prompt, string Chosen, string Rejected)[] Pairs =
        [("p1", "alpha", "beta"), ("p1", "alpha", "gamma!"), ("p2", "x", "yy"), ("p1", "gamma!", "beta")];

    private static readonly Dictionary<string, string[]> Groups = new()
    {
        ["p1"] = ["alpha", "beta", "gamma!"],   // order of first appearance, as score groups them
        ["p2"] = ["x", "yy"],
    };

    private (string Model, string Data) Setup()
    {
        var model = Path.Combine(directory, "gpm");
        manual_seed(3);
        using (var gpm = new RewardModel(new RewardModelConfig
        {
            Backbone = ModelConfigJson.Parse(TinyGymPolicy.Config), NumLabels = 4,
            GeneralPreference = new GeneralPreferenceConfig { Beta = 0.5 },
        }))
            RewardCheckpoint.Save(gpm, model);
        TokenizerFiles.SaveByteLevel(new ByteLevelTokenizer(), model);
        var data = Path.Combine(directory, "pairs.jsonl");
        File.WriteAllLines(data, Pairs.Select(p => new JsonObject { ["prompt"] = p.Prompt, ["chosen"] = p.Chosen, ["rejected"] = p.Rejected }.ToJsonString()));
        return (model, data);
    }

    /// <summary>
    /// Plain doubles: v and λ of each completion from the model, one sequence at a time; P(i ≻ j) = σ(Σ_l λ_l (v_i[2l+1]·v_j[2l]
    /// − v_i[2l]·v_j[2l+1]) / β) (Zhang et al. 2024, Eq. 4–5) with the gate of the group's first completion; w_i = mean_{j≠i} P(i ≻ j).
    /// </summary>
    private static Dictionary<(string, string), double> Reference(string modelDirectory)
    {
        using var model = RewardCheckpoint.Load(modelDirectory);
        var tokenizer = TokenizerFiles.Load(modelDirectory);
        var rates = new Dictionary<(string, string), double>();
        foreach (var (prompt, completions) in Groups)
        {
            var outputs = completions.Select(c =>
            {
                using var scope = NewDisposeScope();
                using var noGrad = no_grad();
                model.eval();
                using var batch = SequenceBatch.Collate([RewardInputs.Encode(tokenizer, prompt, c, 1024)], model.PadId);
                var (v, lambda) = model.GeneralPreferenceOutputs(batch.InputIds, batch.AttentionMask, batch.LossMask);
                return (V: v.to(ScalarType.Float64).data<double>().ToArray(), Lambda: lambda!.to(ScalarType.Float64).data<double>().ToArray());
            }).ToList();
            var gate = outputs[0].Lambda;
            double P(double[] a, double[] b) =>
                1 / (1 + Math.Exp(-Enumerable.Range(0, gate.Length).Sum(l => gate[l] * (a[2 * l + 1] * b[2 * l] - a[2 * l] * b[2 * l + 1])) / 0.5));
            for (var i = 0; i < completions.Length; i++)
                rates[(prompt, completions[i])] = Enumerable.Range(0, completions.Length).Where(j => j != i)
                    .Average(j => P(outputs[i].V, outputs[j].V));
        }
        return rates;
    }

    [Fact]
    public void A_gpm_scores_each_completion_by_its_win_rate_within_its_prompt()
    {
        var (model, data) = Setup();
        var run = CliRun.Of("score", "--model", model, "--data", data, "--batch-size", "2");
        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(Pairs.Length, lines.Count);
        var reference = Reference(model);
        for (var i = 0; i < Pairs.Length; i++)
        {
            var (prompt, chosen, rejected) = Pairs[i];
            Assert.Equal(i, lines[i].GetProperty("index").GetInt32());
            Assert.False(lines[i].TryGetProperty("reward_chosen", out _));
            Assert.Equal(Groups[prompt].Length, lines[i].GetProperty("completions").GetInt32());
            Assert.Equal(reference[(prompt, chosen)], lines[i].GetProperty("win_rate_chosen").GetDouble(), 5);
            Assert.Equal(reference[(prompt, rejected)], lines[i].GetProperty("win_rate_rejected").GetDouble(), 5);
        }
        // Every pair of a group contributes 1 in total to the two sides, so Σ_i w_i = (G(G − 1)/2)/(G − 1) = G/2:
        // 1.5 for p1's three completions (pairs 0 and 1 name all three), 1 for p2's two.
        var p1 = lines[0].GetProperty("win_rate_chosen").GetDouble() + lines[0].GetProperty("win_rate_rejected").GetDouble()
            + lines[1].GetProperty("win_rate_rejected").GetDouble();
        Assert.Equal(1.5, p1, 9);
        Assert.Equal(1.0, lines[2].GetProperty("win_rate_chosen").GetDouble() + lines[2].GetProperty("win_rate_rejected").GetDouble(), 9);
        Assert.True(reference.Values.Any(w => Math.Abs(w - 0.5) > 1e-3), "the tiny GPM should not be indifferent");
    }

    [Fact]
    public void Normalize_names_itself_for_a_gpm()
    {
        var (model, data) = Setup();
        var run = CliRun.Of("score", "--model", model, "--data", data, "--normalize");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--normalize", run.Error);
    }
}
