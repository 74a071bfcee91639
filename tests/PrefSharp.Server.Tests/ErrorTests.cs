using System.Text.Json.Nodes;
using PrefSharp.Server.Hosting;

namespace PrefSharp.Server.Tests;

/// <summary>Every bad request gets OpenAI's error object with a 4xx, and the server keeps answering.</summary>
public sealed class ErrorTests
{
    private const string Hi = """[{"role": "user", "content": "hi"}]""";

    public static TheoryData<string, string, int, string?> BadRequests => new()
    {
        { "v1/chat/completions", """{"model": "tiny", "messages": """, 400, null },
        { "v1/chat/completions", """[1, 2]""", 400, null },
        { "v1/chat/completions", $$"""{"model": "nope", "messages": {{Hi}}}""", 404, "model" },
        { "v1/chat/completions", $$"""{"model": "rm", "messages": {{Hi}}}""", 404, "model" },
        { "v1/chat/completions", """{"model": "tiny"}""", 400, "messages" },
        { "v1/chat/completions", """{"model": "tiny", "messages": [{"role": "robot", "content": "hi"}]}""", 400, "messages[0].role" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "temperature": 3}""", 400, "temperature" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "temperature": "hot"}""", 400, "temperature" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "top_p": 0}""", 400, "top_p" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "n": 99}""", 400, "n" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "max_tokens": 100000}""", 400, "max_tokens" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "max_tokens": 120}""", 400, "max_tokens" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "stop": ["a", "b", "c", "d", "e"]}""", 400, "stop" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": {{Hi}}, "top_logprobs": 2}""", 400, "top_logprobs" },
        { "v1/chat/completions", $$"""{"model": "tiny", "messages": [{"role": "user", "content": "{{new string('x', 200)}}"}]}""", 400, "messages" },
        { "v1/completions", """{"model": "tiny", "prompt": 5}""", 400, "prompt" },
        { "v1/completions", """{"model": "tiny", "prompt": "x", "echo": true}""", 400, "echo" },
        { "v1/score", """{"model": "gpm", "text_1": "p", "text_2": "a"}""", 400, "model" },
        { "v1/score", """{"model": "rm", "text_1": ["p", "q"], "text_2": ["a", "b", "c"]}""", 400, "text_1" },
        { "v1/nothing", "{}", 404, null },
    };

    [Fact]
    public async Task Each_bad_request_gets_an_error_object_and_the_server_keeps_running()
    {
        await using var server = await TinyServer.StartAsync();
        foreach (var row in BadRequests)
        {
            var (path, body, status, param) = ((string)row[0], (string)row[1], (int)row[2], (string?)row[3]);
            using var response = await server.Post(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == (int)response.StatusCode, $"{path} {body}: expected {status}, got {(int)response.StatusCode}: {text}");
            var error = JsonNode.Parse(text)!["error"]!;
            Assert.False(string.IsNullOrEmpty(error["message"]!.GetValue<string>()));
            Assert.NotNull(error["type"]);
            Assert.Equal(param, error["param"]?.GetValue<string>());
        }
        Assert.Equal("list", (await server.Get("v1/models"))["object"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_refused_with_context_length_exceeded()
    {
        await using var server = await TinyServer.StartAsync();
        using var response = await server.Post("v1/completions", $$"""{"model": "tiny", "prompt": "{{new string('y', 130)}}"}""");
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("context_length_exceeded", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413()
    {
        await using var server = await TinyServer.StartAsync();
        using var response = await server.Post("v1/completions", $$"""{"model": "tiny", "prompt": "{{new string('z', 20_000)}}"}""");
        Assert.Equal(413, (int)response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"]);
    }

    [Fact]
    public async Task With_an_api_key_a_request_without_the_bearer_token_gets_401()
    {
        await using var server = await TinyServer.StartAsync(new ServeOptions { Port = 0, ApiKey = "sesame" });
        using (var refused = await server.Http.GetAsync(new Uri(server.Server.BaseUrl, "v1/models")))
        {
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Equal("invalid_api_key", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]!.GetValue<string>());
        }
        server.Http.DefaultRequestHeaders.Authorization = new("Bearer", "sesame");
        Assert.Equal("list", (await server.Get("v1/models"))["object"]!.GetValue<string>());
    }

    [Fact]
    public void Binding_beyond_loopback_without_an_api_key_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServeOptions { Host = "0.0.0.0" }.Validate());
        Assert.Equal("--api-key", error.ParamName);
        Assert.Equal("0.0.0.0", new ServeOptions { Host = "0.0.0.0", ApiKey = "k" }.Validate().Host);
        Assert.Equal("--max-n", Assert.Throws<ArgumentException>(() => new ServeOptions { MaxChoices = 8, MaxBatchRows = 4 }.Validate()).ParamName);
        Assert.True(ServeOptions.IsLoopback("::1") && ServeOptions.IsLoopback("localhost") && !ServeOptions.IsLoopback("10.0.0.1"));
    }
}
