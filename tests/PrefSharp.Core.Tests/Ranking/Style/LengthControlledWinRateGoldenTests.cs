using PrefSharp.Core.Ranking.Style;
using Xunit.Abstractions;

namespace PrefSharp.Core.Tests.Ranking.Style;

/// <summary>
/// Golden: AlpacaEval 2 LC win rates reproduced from the annotations. Published values: tatsu-lab/alpaca_eval,
/// src/alpaca_eval/leaderboards/data_AlpacaEval_2/weighted_alpaca_eval_gpt4_turbo_leaderboard.csv (length_controlled_winrate).
/// </summary>
public sealed class LengthControlledWinRateGoldenTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, double> Published = new()
    {
        ["Mixtral-8x7B-Instruct-v0.1_concise"] = 22.962609472758643,
        ["OpenHermes-2.5-Mistral-7B"] = 16.248577696674843,
        ["Qwen-14B-Chat"] = 12.378741790737235,
        ["alpaca-7b"] = 5.875487163278986,
        ["alpaca-7b_concise"] = 4.467251679930348,
        ["alpaca-7b_verbose"] = 6.816306816367379,
        ["alpaca-farm-ppo-human"] = 6.418603294911531,
        ["alpaca-farm-ppo-sim-gpt4-20k"] = 7.121808101560879,
        ["baize-v2-13b"] = 7.012247205044542,
        ["chatglm2-6b"] = 4.35928292679035,
        ["claude"] = 27.289504443727107,
        ["claude-2"] = 28.155196141629148,
        ["claude-2.1"] = 25.251943886133027,
        ["claude-2.1_concise"] = 18.2084579084493,
        ["claude-instant-1.2"] = 25.61225902543337,
        ["falcon-40b-instruct"] = 5.6075325447394455,
        ["falcon-7b-instruct"] = 4.036937566812824,
        ["gemma-2b-it"] = 5.437453620377121,
        ["gemma-7b-it"] = 10.425760403690134,
        ["gpt-3.5-turbo-0301"] = 18.09324155198033,
        ["gpt-3.5-turbo-1106"] = 19.30058903498905,
        ["gpt-3.5-turbo-1106_concise"] = 15.769520983894386,
        ["gpt-3.5-turbo-1106_verbose"] = 22.00093702171442,
        ["gpt35_turbo_instruct"] = 17.72780108286588,
        ["gpt4_0613_concise"] = 21.57799091454269,
        ["gpt4_1106_preview"] = 50.0,
        ["gpt4_gamed"] = 12.188764057640531,
        ["humpback-llama2-70b"] = 16.249164231428974,
        ["jina-chat"] = 15.866004049505932,
        ["minichat-3b"] = 5.729332875896306,
        ["minotaur-13b"] = 11.46525131683203,
        ["nous-hermes-13b"] = 9.717863417764642,
        ["oasst-rlhf-llama-33b"] = 7.970921837335629,
        ["oasst-sft-llama-33b"] = 9.866412143759783,
        ["oasst-sft-pythia-12b"] = 3.270102114456748,
        ["openbuddy-falcon-40b-v9"] = 8.988936477935635,
        ["openbuddy-llama-30b-v7.1"] = 10.214494991204496,
        ["openbuddy-llama2-13b-v11.1"] = 9.159089775016035,
        ["openbuddy-llama2-70b-v10.1"] = 12.572173272324846,
        ["phi-2"] = 4.398682270855682,
        ["phi-2-sft"] = 5.853787690603355,
        ["pythia-12b-mix-sft"] = 4.221361861408184,
        ["text_davinci_001"] = 9.025728852143091,
        ["ultralm-13b"] = 7.108191361311167,
        ["vicuna-13b"] = 9.222060023704104,
        ["vicuna-13b-v1.5"] = 10.484438298504218,
        ["vicuna-13b-v1.5-togetherai"] = 11.685356965300867,
        ["vicuna-7b"] = 6.277217738516609,
        ["vicuna-7b-v1.3"] = 7.156460956443475,
        ["vicuna-7b-v1.5"] = 7.616892731870527,
        ["wizardlm-13b"] = 9.82815076877079,
    };

    /// <summary>
    /// Tolerance: AlpacaEval's GLM also uses annotations of the baseline's gamed variants and a precomputed instruction
    /// difficulty that are not in the data, so the match is approximate: mean |diff| ≤ 2.0 points, max ≤ 4.5, Spearman ≥ 0.95.
    /// </summary>
    [SharedDataFact]
    public void Reproduces_published_length_controlled_win_rates()
    {
        var annotations = AlpacaEvalCompactReader.Read();
        var options = new LengthControlOptions { ExcludeFromDifficulty = ["gpt4_1106_preview", "example"] };
        var results = LengthControlledWinRate.Compute(annotations, options: options).ToDictionary(r => r.Model);
        var errors = new List<double>();
        foreach (var (model, published) in Published)
        {
            var r = results[model];
            errors.Add(r.LengthControlledWinRate - published);
            output.WriteLine($"{model,-36} raw {r.WinRate,6:F2}  LC {r.LengthControlledWinRate,6:F2}  published {published,6:F2}  diff {r.LengthControlledWinRate - published,6:F2}");
        }
        double meanAbs = errors.Average(Math.Abs), maxAbs = errors.Max(Math.Abs);
        var models = Published.Keys.ToList();
        double spearman = Spearman(models.Select(m => results[m].LengthControlledWinRate).ToArray(), models.Select(m => Published[m]).ToArray());
        output.WriteLine($"mean diff {errors.Average():F3}, mean |diff| {meanAbs:F3}, max |diff| {maxAbs:F3}, Spearman {spearman:F4} over {errors.Count} models");
        Assert.Equal(50.0, results["gpt4_1106_preview"].LengthControlledWinRate, 9);
        Assert.True(meanAbs <= 2.0, $"mean |diff| {meanAbs}");
        Assert.True(maxAbs <= 4.5, $"max |diff| {maxAbs}");
        Assert.True(spearman >= 0.95, $"Spearman {spearman}");
        Assert.Equal(16.98534361236025, results["claude"].WinRate, 6); // raw win rate column of the same CSV: 16.98534
    }

    private static double Spearman(double[] x, double[] y)
    {
        double[] Rank(double[] v) { var r = new double[v.Length]; var order = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray(); for (int k = 0; k < order.Length; k++) r[order[k]] = k; return r; }
        var rx = Rank(x); var ry = Rank(y);
        double mx = rx.Average(), my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++) { sxy += (rx[i] - mx) * (ry[i] - my); sxx += (rx[i] - mx) * (rx[i] - mx); syy += (ry[i] - my) * (ry[i] - my); }
        return sxy / Math.Sqrt(sxx * syy);
    }
}
