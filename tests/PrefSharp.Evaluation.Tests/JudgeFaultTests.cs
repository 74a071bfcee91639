using System.Collections.Concurrent;
using PrefSharp.Core.Judging;
using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Runs;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Evaluation.Tests;

/// <summary>
/// <see cref="JudgeRun"/> against a judge that answers some first attempts with 429 (Retry-After), 500 or too slowly,
/// and some questions with garbage: retries recover the first three, garbage is counted and never turned into a battle,
/// and too much garbage stops the run with the reason.
/// </summary>
public class JudgeFaultTests
{
    [Fact]
    public async Task Rate_limits_server_errors_and_slow_answers_are_retried_and_garbage_is_counted_not_guessed()
    {
        using var folder = new TempFolder();
        var attempts = new ConcurrentDictionary<string, int>();   // counted as each attempt arrives: a timed-out one may never be recorded as finished
        using var server = new LoopbackChatServer((request, _) =>
        {
            var seen = attempts.AddOrUpdate(request.User, 1, (_, n) => n + 1);
            var (_, first, second) = JudgePrompts.ReadPairwise(request.User)!.Value;
            var index = JudgeRunFixture.Plan.Select((q, i) => (q, i)).First(p => p.q.First.Output == first && p.q.Second.Output == second).i;
            if (seen == 1 && index % 4 == 0) return (429, "{\"error\": {\"message\": \"slow down\"}}");
            if (seen == 1 && index % 4 == 1) return (500, "{\"error\": {\"message\": \"boom\"}}");
            if (seen == 1 && index % 4 == 2) Thread.Sleep(700);  // past the 500 ms timeout below: retried
            if (index == 3) return (200, "I cannot decide between these.");
            return (200, JudgeRunFixture.Answer(request));
        }) { RetryAfterSeconds = 0 };
        var result = await JudgeRunFixture.RunAsync(folder, [server], maxFailureFraction: 0.1, timeout: TimeSpan.FromMilliseconds(500));

        Assert.Equal((16, 1, 0), (result.Report.Asked, result.Report.Unparseable, result.Report.Errors));
        int IndexOf(string user)
        {
            var (_, first, second) = JudgePrompts.ReadPairwise(user)!.Value;
            return JudgeRunFixture.Plan.Select((q, i) => (q, i)).First(p => p.q.First.Output == first && p.q.Second.Output == second).i;
        }
        var byIndex = attempts.ToDictionary(a => IndexOf(a.Key), a => a.Value);
        Assert.Equal(16, byIndex.Count);
        // a 429 or a 500 is retried (a retry that itself outlives the 500 ms timeout on a busy machine is retried again,
        // within the 3 retries); a slow first attempt is given up on and asked again, except that the single-threaded
        // loopback server may take the retry's connection before it has read the abandoned one
        Assert.All(byIndex.Where(p => p.Key % 4 < 2), p => Assert.InRange(p.Value, 2, 4));
        Assert.All(byIndex.Where(p => p.Key % 4 == 2), p => Assert.InRange(p.Value, 1, 2));
        Assert.All(byIndex.Where(p => p.Key % 4 == 3), p => Assert.Equal(1, p.Value));
        Assert.Null(result.Judged[3].Verdict);
        Assert.Equal(15, JudgeBattles.From(result.Judged, "judge-model").Count());
    }

    [Fact]
    public async Task More_garbage_than_the_allowed_fraction_stops_the_run_with_the_reason()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackChatServer((_, _) => (200, "The first one, probably."));
        var error = await Assert.ThrowsAsync<JudgeException>(() => JudgeRunFixture.RunAsync(folder, [server], maxFailureFraction: 0.25));

        // 0.25 × 16 = 4 failures are allowed; the fifth stops the run before the sixth question is asked.
        Assert.Equal(5, server.Requests.Count);
        Assert.Contains("5 of 16 questions failed", error.Message);
        Assert.Contains("--max-failure-fraction 0.25", error.Message);
        Assert.Contains("The first one, probably.", error.Message);
    }

    [Fact]
    public async Task A_judge_that_keeps_failing_counts_as_errors_naming_the_endpoint()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackChatServer((_, _) => (401, "{\"error\": {\"message\": \"bad key\"}}"));
        var error = await Assert.ThrowsAsync<JudgeException>(() => JudgeRunFixture.RunAsync(folder, [server], maxFailureFraction: 0));

        Assert.Single(server.Requests);
        Assert.Contains("1 of 16 questions failed", error.Message);
        Assert.Contains($"{server.BaseUrl}v1/chat/completions", error.Message);
        Assert.Contains("HTTP 401", error.Message);
    }
}
