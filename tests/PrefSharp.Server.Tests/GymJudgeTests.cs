using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Core.Judging;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Judging;
using PrefSharp.Server.Models;

namespace PrefSharp.Server.Tests;

/// <summary><c>serve --judge gym:WORLD</c>: the world's simulated annotator answers the judge question over HTTP.</summary>
public sealed class GymJudgeTests
{
    [Fact]
    public async Task The_gym_judge_answers_the_pairwise_question_with_the_world_s_noisy_preference()
    {
        var judge = GymJudge.Parse("gym:sorting");
        await using var server = await ModelServer.StartAsync(new ServeOptions { Port = 0 }, new ModelCatalog().Add(judge));
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var random = new Random(2);
        var prompt = judge.World.SamplePrompt(random);
        var (good, bad) = (judge.World.Demonstrate(prompt, 1.0, random), judge.World.Demonstrate(prompt, 0.0, random));
        Assert.True(judge.World.GoldUtility(prompt, good) > judge.World.GoldUtility(prompt, bad));

        async Task<string> Ask(string first, string second, int seed)
        {
            var messages = new JsonArray([.. JudgePrompts.Pairwise(prompt, first, second)
                .Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]);
            using var response = await http.PostAsync("v1/chat/completions", new StringContent(
                new JsonObject { ["model"] = "gym:sorting", ["messages"] = messages, ["seed"] = seed }.ToJsonString()));
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("chat.completion", answer["object"]!.GetValue<string>());
            return answer["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        }

        var (goodFirst, goodSecond) = (0.0, 0.0);
        for (var seed = 0; seed < 30; seed++)
        {
            var forward = await Ask(good, bad, seed);
            var expected = judge.Annotator.Judge(judge.World, prompt, good, bad, new Random(seed));
            Assert.Equal(expected == BattleOutcome.A ? 1.0 : expected == BattleOutcome.B ? 0.0 : 0.5, VerdictParser.Pairwise(forward));
            goodFirst += VerdictParser.Pairwise(forward);
            goodSecond += 1 - VerdictParser.Pairwise(await Ask(bad, good, seed));
        }
        // The better response wins most questions in either position.
        Assert.True(goodFirst > 15 && goodSecond > 15, $"good won {goodFirst}/30 first and {goodSecond}/30 second");

        using var refused = await http.PostAsync("v1/chat/completions", new StringContent(
            """{"model": "gym:sorting", "messages": [{"role": "user", "content": "hello"}]}"""));
        Assert.Equal(400, (int)refused.StatusCode);
    }
}
