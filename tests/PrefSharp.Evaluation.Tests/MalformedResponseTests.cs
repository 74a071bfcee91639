using System.Diagnostics;
using PrefSharp.Core.Judging;
using PrefSharp.Evaluation.Judging;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Evaluation.Tests;

/// <summary>Answers that are not chat completions give one line naming the endpoint and what was wrong; Retry-After is honoured.</summary>
public class MalformedResponseTests
{
    private static JudgeClientOptions Options(LoopbackChatServer server) => new()
    {
        BaseUrl = server.BaseUrl, Model = "judge-model", InitialBackoff = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(5),
    };

    [Theory]
    [InlineData("""{"choices": []}""")]
    [InlineData("""{"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": 42}, "finish_reason": "stop"}]}""")]
    [InlineData("""<html>gateway</html>""")]
    [InlineData("""{"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, "message": {"role": "assistant", "content": ""}, "finish_reason": "stop"}]}""")]
    public async Task A_malformed_answer_is_one_line_naming_the_endpoint(string body)
    {
        using var server = new LoopbackChatServer((_, _) => (200, body)) { Raw = true };
        using var client = new ChatJudgeClient(Options(server));
        var error = await Assert.ThrowsAsync<JudgeException>(() => client.CompleteAsync([new("user", "hi")]));
        Assert.StartsWith($"judge {server.BaseUrl}v1/chat/completions (judge-model): malformed response", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Retry_after_is_waited_before_the_next_attempt_and_tokens_are_counted()
    {
        using var server = new LoopbackChatServer((_, n) => n == 1 ? (429, "slow down") : (200, "Verdict: A")) { RetryAfterSeconds = 1 };
        using var client = new ChatJudgeClient(Options(server));
        var clock = Stopwatch.StartNew();
        var reply = await client.CompleteAsync([new("user", "hi")]);
        // Back-off alone would wait 10 ms; the server asked for 1 s.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {clock.Elapsed.TotalSeconds:0.###} s");
        Assert.Equal("Verdict: A", reply.Text);
        Assert.Equal((11L, 3L), (reply.InputTokens, reply.OutputTokens));
        Assert.Equal((11L, 3L, 1L), client.Tokens);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public void Options_are_validated_and_the_api_root_ends_in_v1()
    {
        Assert.Equal("Model", Assert.Throws<ArgumentException>(() => new JudgeClientOptions { BaseUrl = new Uri("http://x"), Model = " " }.Validate()).ParamName);
        Assert.Equal("Timeout", Assert.Throws<ArgumentException>(() =>
            new JudgeClientOptions { BaseUrl = new Uri("http://x"), Model = "m", Timeout = TimeSpan.Zero }.Validate()).ParamName);
        Assert.Equal(new Uri("https://api.example.com/v1/chat/completions"),
            new JudgeClientOptions { BaseUrl = new Uri("https://api.example.com/v1/"), Model = "m" }.Endpoint);
        Assert.Equal(new Uri("http://127.0.0.1:8000/v1"), new JudgeClientOptions { BaseUrl = new Uri("http://127.0.0.1:8000"), Model = "m" }.ApiRoot);
    }
}
