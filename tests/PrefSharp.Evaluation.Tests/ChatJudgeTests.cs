using PrefSharp.Core.Judging;
using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Judging;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Evaluation.Tests;

/// <summary>The judge over IChatClient against a loopback chat server: request shape, retries, timeouts, position swap, cache.</summary>
public class ChatJudgeTests
{
    private static JudgeClientOptions Options(LoopbackChatServer server) => new()
    {
        BaseUrl = server.BaseUrl, Model = "judge-model", ApiKey = "secret", InitialBackoff = TimeSpan.FromMilliseconds(10),
        Timeout = TimeSpan.FromSeconds(5),
    };

    [Fact]
    public async Task Pairwise_request_carries_model_and_both_responses_and_the_verdict_is_parsed()
    {
        using var server = new LoopbackChatServer((_, _) => (200, "A is terse. B explains the steps.\nVerdict: B"));
        using var client = new ChatJudgeClient(Options(server));
        var judgement = await new ChatJudge(client).CompareAsync("What is 2+2?", "4", "2 + 2 = 4 because …");

        Assert.Equal(0.0, judgement.FirstWins);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer secret", request.Authorization);
        Assert.Equal("judge-model", request.Body["model"]!.GetValue<string>());
        Assert.Equal(0.0, request.Body["temperature"]!.GetValue<double>());
        Assert.Equal("system", request.Body["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Contains("[Response A]\n4", request.User);
        Assert.Contains("[Response B]\n2 + 2 = 4 because …", request.User);
    }

    [Fact]
    public async Task Pointwise_score_is_read_from_the_answer()
    {
        using var server = new LoopbackChatServer((_, _) => (200, "Clear and correct, 8/10 for style.\nScore: 7"));
        using var client = new ChatJudgeClient(Options(server));
        Assert.Equal(7.0, (await new ChatJudge(client).ScoreAsync("p", "r")).Score);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried_with_backoff()
    {
        // 429, 503, then 200: three requests, success.
        using var server = new LoopbackChatServer((_, n) => n switch { 1 => (429, "slow down"), 2 => (503, "busy"), _ => (200, "Verdict: tie") });
        using var client = new ChatJudgeClient(Options(server));
        Assert.Equal(0.5, (await new ChatJudge(client).CompareAsync("p", "a", "b")).FirstWins);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Persistent_failure_gives_a_clear_error_after_all_attempts_and_4xx_is_not_retried()
    {
        using var failing = new LoopbackChatServer((_, _) => (500, "{\"error\":\"model crashed\"}"));
        using var client = new ChatJudgeClient(Options(failing) with { MaxRetries = 2 });
        var error = await Assert.ThrowsAsync<JudgeException>(() => new ChatJudge(client).CompareAsync("p", "a", "b"));
        Assert.Contains("after 3 attempt(s)", error.Message);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains("model crashed", error.Message);
        Assert.Equal(3, failing.Requests.Count);

        using var bad = new LoopbackChatServer((_, _) => (400, "{\"error\":\"unknown model\"}"));
        using var badClient = new ChatJudgeClient(Options(bad));
        var badError = await Assert.ThrowsAsync<JudgeException>(() => new ChatJudge(badClient).CompareAsync("p", "a", "b"));
        Assert.Contains("HTTP 400", badError.Message);
        Assert.Single(bad.Requests);
    }

    [Fact]
    public async Task A_slow_server_times_out_with_a_message_saying_so()
    {
        using var server = new LoopbackChatServer((_, _) => (200, "Verdict: A")) { Delay = TimeSpan.FromSeconds(1) };
        using var client = new ChatJudgeClient(Options(server) with { Timeout = TimeSpan.FromMilliseconds(200), MaxRetries = 0 });
        var error = await Assert.ThrowsAsync<JudgeException>(() => new ChatJudge(client).CompareAsync("p", "a", "b"));
        Assert.Contains("no answer within 0.2 s", error.Message);
    }

    [Fact]
    public async Task Position_swap_turns_a_position_biased_judge_into_ties_and_keeps_consistent_verdicts()
    {
        // Always "A": the first position wins both times → inconsistent → tie.
        using var biased = new LoopbackChatServer((_, _) => (200, "Verdict: A"));
        using var biasedClient = new ChatJudgeClient(Options(biased));
        var swapped = await new PositionSwapJudge(new ChatJudge(biasedClient)).CompareAsync("p", "good answer", "bad answer");
        Assert.Equal(0.5, swapped.FirstWins);
        Assert.Equal(2, biased.Requests.Count);

        // A judge that prefers the response containing "good" in either position: consistent → 1.
        using var fair = new LoopbackChatServer((request, _) =>
            (200, request.User.IndexOf("good", StringComparison.Ordinal) < request.User.IndexOf("[Response B]", StringComparison.Ordinal) ? "Verdict: A" : "Verdict: B"));
        using var fairClient = new ChatJudgeClient(Options(fair));
        var judge = new PositionSwapJudge(new ChatJudge(fairClient));
        Assert.Equal(1.0, (await judge.CompareAsync("p", "good answer", "bad answer")).FirstWins);
        Assert.Equal(0.0, (await judge.CompareAsync("p", "bad answer", "good answer")).FirstWins);
        Assert.Equal(0.75, PositionSwapJudge.Combine(1.0, 0.5));   // A, then tie: no contradiction → mean
    }

    [Fact]
    public async Task Cache_answers_repeated_calls_from_disk_also_in_a_new_instance()
    {
        using var server = new LoopbackChatServer((_, _) => (200, "Verdict: A\nScore: 9"));
        using var client = new ChatJudgeClient(Options(server));
        var judge = new ChatJudge(client);
        using var folder = new TempFolder();
        var cache = new CachingJudge(folder.Root, judge.Model, judge, judge);

        Assert.Equal(1.0, (await cache.CompareAsync("p", "a", "b")).FirstWins);
        Assert.Equal(1.0, (await cache.CompareAsync("p", "a", "b")).FirstWins);
        Assert.Equal(9.0, (await cache.ScoreAsync("p", "a")).Score);
        Assert.Equal(2, server.Requests.Count);                       // one pairwise, one pointwise

        var reopened = new CachingJudge(folder.Root, judge.Model, judge, judge);
        Assert.Equal(1.0, (await reopened.CompareAsync("p", "a", "b")).FirstWins);
        Assert.Equal(2, server.Requests.Count);                       // from disk
        await reopened.CompareAsync("p", "b", "a");                   // another order is another question
        Assert.Equal(3, server.Requests.Count);
        Assert.NotEqual(cache.Key("pairwise", "p", "ab", "c"), cache.Key("pairwise", "p", "a", "bc"));
        Assert.NotEqual(cache.Key("pairwise", "p", "a", "b"), new CachingJudge(folder.Root, "other-model", judge).Key("pairwise", "p", "a", "b"));
    }
}
