using System.Text.Json.Nodes;
using PrefSharp.Torch.Rewards;

namespace PrefSharp.Server.Tests;

/// <summary>/v1/score (vLLM's score API on reward models) and /v1/preference, against the library's own scorers.</summary>
public sealed class ScoringTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    [Fact]
    public async Task Score_pairs_one_prompt_with_each_response_and_returns_the_reward_model_s_rewards()
    {
        await using var server = await TinyServer.StartAsync();
        var answer = await server.Ok("v1/score", new JsonObject { ["model"] = "rm", ["text_1"] = "2+2?", ["text_2"] = new JsonArray("4", "five") });
        var expected = RewardScorer.Score(server.Reward,
            [RewardInputs.Encode(server.Tokenizer, "2+2?", "4", 128), RewardInputs.Encode(server.Tokenizer, "2+2?", "five", 128)]);

        Assert.Equal("list", answer["object"]!.GetValue<string>());
        var data = answer["data"]!.AsArray();
        Assert.Equal([0, 1], data.Select(d => d!["index"]!.GetValue<int>()));
        Assert.All(data, d => Assert.Equal("score", d!["object"]!.GetValue<string>()));
        Assert.Equal(expected, data.Select(d => d!["score"]!.GetValue<double>()));
        Assert.NotEqual(expected[0], expected[1]);
    }

    [Fact]
    public async Task Preference_of_a_scalar_model_is_the_sigmoid_of_the_reward_difference()
    {
        await using var server = await TinyServer.StartAsync();
        var scores = (await server.Ok("v1/score", new JsonObject { ["model"] = "rm", ["text_1"] = "q", ["text_2"] = new JsonArray("yes", "no") }))["data"]!;
        var preference = await server.Ok("v1/preference", new JsonObject
        {
            ["model"] = "rm", ["prompt"] = "q", ["response_a"] = "yes", ["response_b"] = "no",
        });
        var difference = scores[0]!["score"]!.GetValue<double>() - scores[1]!["score"]!.GetValue<double>();
        var item = preference["data"]![0]!;
        Assert.Equal("preference", item["object"]!.GetValue<string>());
        Assert.Equal(Sigmoid(difference), item["probability"]!.GetValue<double>(), 12);
    }

    [Fact]
    public async Task Preference_of_a_general_preference_model_is_its_pair_probability_and_antisymmetric()
    {
        await using var server = await TinyServer.StartAsync();
        var answer = await server.Ok("v1/preference", new JsonObject
        {
            ["model"] = "gpm", ["prompt"] = "q", ["response_a"] = new JsonArray("yes", "no"), ["response_b"] = new JsonArray("no", "yes"),
        });
        var a = RewardInputs.Encode(server.Tokenizer, "q", "yes", 128);
        var b = RewardInputs.Encode(server.Tokenizer, "q", "no", 128);
        var logit = PreferenceLogits.Pairs(server.Gpm, [(a, b)])[0];
        var data = answer["data"]!.AsArray();
        // The server scores both pairs in one padded batch, the reference one pair alone: float32 sums in another order,
        // a few ulps (ε = 1.2e-7) per layer of a 2-layer model; 64ε leaves room on any CPU.
        var tolerance = 64 * 1.2e-7;
        Assert.InRange(data[0]!["probability"]!.GetValue<double>(), Sigmoid(logit) - tolerance, Sigmoid(logit) + tolerance);
        // The GPM score is skew-symmetric: P(b ≻ a) = 1 − P(a ≻ b) (both gates read the same prompt).
        Assert.InRange(data[0]!["probability"]!.GetValue<double>() + data[1]!["probability"]!.GetValue<double>(), 1 - tolerance, 1 + tolerance);
        Assert.NotEqual(0.5, data[0]!["probability"]!.GetValue<double>(), 3);
    }
}
