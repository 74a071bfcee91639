using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking;
using PrefSharp.Core.Ranking.Optimization;
using PrefSharp.Core.Ranking.Style;

namespace PrefSharp.Core.Tests.Ranking.Style;

public sealed class StyleControlTests
{
    private static Dictionary<string, double> Style(double length, double headers = 0) =>
        new() { ["length"] = length, ["header_count"] = headers, ["list_count"] = 0, ["bold_count"] = 0 };

    /// <summary>Golden: lengths 3 vs 1 give (3 − 1)/(3 + 1 + 1) = 0.4; with the mirrored battle the z-scores are ±1 (population sd 0.4).</summary>
    [Fact]
    public void Encodes_normalised_differences_as_FastChat_does()
    {
        var battles = new[]
        {
            new Battle("a", "b", BattleOutcome.A) { StyleA = Style(3), StyleB = Style(1) },
            new Battle("b", "a", BattleOutcome.B) { StyleA = Style(1), StyleB = Style(3) },
        };
        var encoding = StyleFeatureEncoder.Encode(battles, new StyleControlOptions());
        Assert.Equal(0, encoding.Mean[0], 12);
        Assert.Equal(0.4, encoding.StandardDeviation[0], 12);
        Assert.Equal(1, encoding.Covariates[0][0], 12);
        Assert.Equal(-1, encoding.Covariates[1][0], 12);
        Assert.Equal(0, encoding.Covariates[0][1]); // zero spread encodes as 0
    }

    [Fact]
    public void Missing_style_feature_is_reported_with_the_battle()
    {
        var battles = new[] { new Battle("a", "b", BattleOutcome.A) { StyleA = Style(3), StyleB = null } };
        var error = Assert.Throws<ArgumentException>(() => StyleControlledBradleyTerry.Fit(battles));
        Assert.Contains("battle 0: StyleB lacks style feature 'length'", error.Message);
    }

    /// <summary>
    /// Behaviour: "verbose" is weaker in substance (true β −0.15 vs 0 on the log₁₀ scale) but writes three times longer; a
    /// judge with a planted length effect γ = 0.6 per sd ranks it first without control. Style control recovers γ and puts
    /// the substantive best item first.
    /// </summary>
    /// <summary>6000 battles among solid (β 0), verbose (−0.15, three times longer), terse (−0.3) and weak (−0.6), judged
    /// with a planted length effect γ = 0.6 per standard deviation of the normalised length difference.</summary>
    private static List<Battle> PlantedLengthBattles()
    {
        var random = new Random(3);
        var quality = new Dictionary<string, double> { ["solid"] = 0.0, ["verbose"] = -0.15, ["terse"] = -0.3, ["weak"] = -0.6 };
        var typicalLength = new Dictionary<string, double> { ["solid"] = 400, ["verbose"] = 1200, ["terse"] = 300, ["weak"] = 500 };
        var names = quality.Keys.ToArray();
        var raw = new List<(string A, string B, double La, double Lb)>();
        for (int t = 0; t < 6000; t++)
        {
            string a = names[random.Next(4)], b = names[random.Next(3)];
            if (b == a) b = names[3];
            raw.Add((a, b, typicalLength[a] * Math.Exp(0.3 * LengthControlledWinRateTests.Gaussian(random)),
                typicalLength[b] * Math.Exp(0.3 * LengthControlledWinRateTests.Gaussian(random))));
        }
        var diffs = raw.Select(r => (r.La - r.Lb) / (r.La + r.Lb + 1)).ToArray();
        double mean = diffs.Average(), sd = Math.Sqrt(diffs.Sum(d => (d - mean) * (d - mean)) / diffs.Length);
        const double gamma = 0.6;
        var battles = raw.Select((r, k) =>
        {
            double logit = Math.Log(10) * (quality[r.A] - quality[r.B]) + gamma * (diffs[k] - mean) / sd;
            var outcome = random.NextDouble() < LogisticFunctions.Sigmoid(logit) ? BattleOutcome.A : BattleOutcome.B;
            return new Battle(r.A, r.B, outcome) { StyleA = Style(r.La), StyleB = Style(r.Lb) };
        }).ToList();
        return battles;

    }

    [Fact]
    public void Style_controlled_leaderboard_ranks_substance_first_with_bootstrap_intervals()
    {
        var battles = PlantedLengthBattles();
        var plain = LeaderboardBuilder.Build(battles, new LeaderboardOptions { Intervals = IntervalMethod.None });
        var controlled = LeaderboardBuilder.Build(battles, new LeaderboardOptions { StyleControl = true, BootstrapRounds = 40 });
        Assert.Equal("verbose", plain.Items[0].Name);
        Assert.Equal("bt-style", controlled.Model);
        Assert.Equal("solid", controlled.Items[0].Name);
        var direct = StyleControlledBradleyTerry.Fit(battles).Ratings.ToDictionary(r => r.Item);
        foreach (var item in controlled.Items)
        {
            // Same fit as the plain style-control API, up to the leaderboard's centring at a mean of 1000.
            Assert.Equal(direct[item.Name].Rating - direct.Values.Average(r => r.Rating) + 1000, item.Rating, 6);
            Assert.InRange(item.Rating, item.RatingLo!.Value, item.RatingHi!.Value);
        }
        Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build(battles, new LeaderboardOptions { StyleControl = true, Model = RankingModel.Elo }));
        Assert.Throws<ArgumentException>(() => LeaderboardBuilder.Build([new Battle("a", "b", BattleOutcome.A)], new LeaderboardOptions { StyleControl = true }));
    }

    [Fact]
    public void Style_control_removes_a_planted_length_preference()
    {
        var battles = PlantedLengthBattles();
        var result = StyleControlledBradleyTerry.Fit(battles, new StyleControlOptions { Features = ["length"] });
        var length = Assert.Single(result.Coefficients);
        Assert.InRange(length.Coefficient, 0.45, 0.75);
        Assert.Equal("solid", result.Ratings[0].Item);
        Assert.Equal("verbose", result.Ratings.Single(r => r.UncontrolledRank == 1).Item);
        var verbose = result.Ratings.Single(r => r.Item == "verbose");
        var solid = result.Ratings.Single(r => r.Item == "solid");
        Assert.InRange(solid.Rating - verbose.Rating, 0.15 * 400 - 30, 0.15 * 400 + 30);
        Assert.True(result.LogLikelihood > result.UncontrolledLogLikelihood);
        Assert.Contains("\"Coefficients\"", JsonSerializer.Serialize(result));
    }
}
