using System.Collections.Concurrent;
using PrefSharp.Core.Data;
using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Runs;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Evaluation.Tests;

/// <summary><see cref="JudgeRun"/> against loopback judges: verdicts, weights, tokens, round-robin, resume after a cut.</summary>
public class JudgeRunTests
{
    [Fact]
    public async Task Every_model_meets_the_baseline_in_both_orders_and_strong_verdicts_weigh_three()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackChatServer((request, _) => (200, JudgeRunFixture.Answer(request)));
        var result = await JudgeRunFixture.RunAsync(folder, [server]);

        Assert.Equal(16, result.Report.Questions);
        Assert.Equal(16, server.Requests.Count);
        Assert.Equal(16, server.Requests.Select(r => r.User).Distinct().Count());
        var battles = JudgeBattles.From(result.Judged, "judge-model").ToList();
        Assert.Equal(16, battles.Count);
        var good = battles.Where(b => b.ItemA == "good" || b.ItemB == "good").ToList();
        Assert.All(good, b => Assert.Equal(b.ItemA == "good" ? BattleOutcome.A : BattleOutcome.B, b.Outcome));
        Assert.All(good, b => Assert.Equal(3, b.Weight));
        var weak = battles.Where(b => b.ItemA == "weak" || b.ItemB == "weak").ToList();
        Assert.All(weak, b => Assert.Equal(b.ItemA == "base" ? BattleOutcome.A : BattleOutcome.B, b.Outcome));
        Assert.All(weak, b => Assert.Equal(1, b.Weight));
        Assert.Equal(8, battles.Count(b => b.Metadata!["order"] == "baseline_first"));
        var goodFirst = battles.First(b => b.ItemA == "good");
        Assert.Equal(("A>>B", "strong"), (goodFirst.Metadata!["verdict"], goodFirst.Metadata["strength"]));
        Assert.Equal(1, goodFirst.StyleA!["header_count"]);
        Assert.Equal(1, goodFirst.StyleA["list_count"]);
        Assert.Equal(1, goodFirst.StyleA["bold_count"]);
        Assert.Equal("plain answer 0".Length, battles.First(b => b.ItemA == "base" && b.QuestionId == "q0").StyleA!["length"]);
    }

    [Fact]
    public async Task Token_counts_sum_the_usage_of_the_questions_asked_and_a_rerun_asks_nothing()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackChatServer((request, _) => (200, JudgeRunFixture.Answer(request)));
        var first = await JudgeRunFixture.RunAsync(folder, [server], parallel: 4);
        var second = await JudgeRunFixture.RunAsync(folder, [server], parallel: 4);

        // The loopback server reports 11 prompt and 3 completion tokens per answer.
        Assert.Equal((16, 0, 16 * 11L, 16 * 3L), (first.Report.Asked, first.Report.Cached, first.Report.InputTokens, first.Report.OutputTokens));
        Assert.Equal((0, 16, 0L), (second.Report.Asked, second.Report.Cached, second.Report.InputTokens));
        Assert.Equal(16, server.Requests.Count);
        Assert.Equal(Json(first), Json(second));
    }

    [Fact]
    public async Task Models_that_gave_the_same_output_share_one_question_even_when_asked_in_parallel()
    {
        using var folder = new TempFolder();
        var answers = 0;
        // a judge that flips its verdict on every request: sharing one answer is the only way twins can agree
        using var server = new LoopbackChatServer((_, _) => (200, Interlocked.Increment(ref answers) % 2 == 0 ? "[[A>B]]" : "[[B>A]]"));
        var twins = JudgeRunFixture.Outputs.Where(o => o.Generator == "good").Select(o => o with { Generator = "twin" });
        var plan = JudgeQuestion.Plan([.. JudgeRunFixture.Outputs, .. twins], "base");
        var result = await JudgeRunFixture.RunAsync(folder, [server], parallel: 4, plan: plan);

        Assert.Equal(24, plan.Count);
        Assert.Equal(16, server.Requests.Count);
        Assert.Equal((16, 8), (result.Report.Asked, result.Report.Cached));
        string Verdicts(string model) => string.Join(",", result.Judged
            .Where(j => j.Question.First.Generator == model || j.Question.Second.Generator == model)
            .Select(j => $"{j.Question.Model.Instruction}|{j.Question.First.Generator == model}|{j.Verdict}"));
        Assert.Equal(Verdicts("good"), Verdicts("twin"));
    }

    [Fact]
    public async Task Several_endpoints_are_asked_in_turn()
    {
        using var folder = new TempFolder();
        using var one = new LoopbackChatServer((request, _) => (200, JudgeRunFixture.Answer(request)));
        using var two = new LoopbackChatServer((request, _) => (200, JudgeRunFixture.Answer(request)));
        await JudgeRunFixture.RunAsync(folder, [one, two]);

        Assert.Equal((8, 8), (one.Requests.Count, two.Requests.Count));
    }

    [Fact]
    public async Task A_judge_that_always_prefers_the_first_response_changes_every_pair_with_the_order()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackChatServer((_, _) => (200, "[[A>B]]"));
        var bias = PositionBias.Of((await JudgeRunFixture.RunAsync(folder, [server])).Judged);

        Assert.Equal((8, 8, 16, 16), (bias.Pairs, bias.Changed, bias.Decisive, bias.FirstWins));
        Assert.Equal((1.0, 1.0), (bias.ChangedFraction, bias.FirstWinRate));
    }

    [Fact]
    public async Task A_cut_run_resumes_without_asking_any_answered_question_again_and_gives_the_same_battles()
    {
        using var reference = new TempFolder();
        using var plain = new LoopbackChatServer((request, _) => (200, JudgeRunFixture.Answer(request)));
        var expected = Json(await JudgeRunFixture.RunAsync(reference, [plain]));

        using var folder = new TempFolder();
        using var cut = new CancellationTokenSource();
        var answered = new ConcurrentQueue<string>();
        using var server = new LoopbackChatServer((request, count) =>
        {
            if (count == 7 && !cut.IsCancellationRequested)
            {
                cut.Cancel();  // the 7th question is cut off in flight: the server never answers it
                return (503, "{\"error\": {\"message\": \"cut\"}}");
            }
            answered.Enqueue(request.User);
            return (200, JudgeRunFixture.Answer(request));
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => JudgeRunFixture.RunAsync(folder, [server], cancellation: cut.Token));
        Assert.Equal(6, answered.Count);
        var resumed = await JudgeRunFixture.RunAsync(folder, [server]);

        Assert.Equal(16, answered.Count);
        Assert.Equal(16, answered.Distinct().Count());
        Assert.Equal((10, 6), (resumed.Report.Asked, resumed.Report.Cached));
        Assert.Equal(expected, Json(resumed));
    }

    private static string Json(JudgeRunResult result)
    {
        using var stream = new MemoryStream();
        BattleJsonlWriter.Write(stream, JudgeBattles.From(result.Judged, "judge-model"));
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
