using System.Text.Json.Nodes;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;

namespace PrefSharp.Server.Tests;

/// <summary><c>serve --model gym:WORLD@QUALITY</c>: a policy of known quality answers chat requests over HTTP.</summary>
public sealed class GymPolicyTests
{
    [Fact]
    public async Task A_gym_policy_answers_with_the_world_s_demonstration_at_its_quality_and_refuses_what_it_cannot_do()
    {
        var options = new ServeOptions { Port = 0 };
        var catalog = CatalogLoader.Load(["strong=gym:sorting@0.9", "gym:sorting@0.1"], [], [], options);
        Assert.Equal(["strong", "gym:sorting@0.1"], catalog.Names);
        await using var server = await ModelServer.StartAsync(options, catalog);
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        var strong = (GymPolicy)catalog.Scripted("strong")!;

        async Task<(int Status, JsonNode Body)> Post(string path, string body)
        {
            using var response = await http.PostAsync(path, new StringContent(body));
            return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        }

        var (status, answer) = await Post("v1/chat/completions", """{"model": "strong", "messages": [{"role": "user", "content": "52817"}], "seed": 7}""");
        Assert.Equal(200, status);
        Assert.Equal(strong.World.Demonstrate("52817", 0.9, new Random(7)), answer["choices"]![0]!["message"]!["content"]!.GetValue<string>());

        var (streamStatus, _) = await Post("v1/chat/completions", """{"model": "strong", "messages": [{"role": "user", "content": "1"}], "stream": true}""");
        var (completionStatus, completion) = await Post("v1/completions", """{"model": "strong", "prompt": "1"}""");
        Assert.Equal(400, streamStatus);
        Assert.Equal(404, completionStatus);
        Assert.Contains("answers only /v1/chat/completions", completion["error"]!["message"]!.GetValue<string>());
        Assert.Contains("[0, 1]", Assert.Throws<ArgumentException>(() => CatalogLoader.Load(["gym:sorting@1.5"], [], [], options)).Message);
    }
}
