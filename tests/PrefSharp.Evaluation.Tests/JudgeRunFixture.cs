using PrefSharp.Core.Judging;
using PrefSharp.Core.Tests;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Evaluation.Judging;
using PrefSharp.Evaluation.Runs;
using PrefSharp.Tests.Shared;

namespace PrefSharp.Evaluation.Tests;

/// <summary>
/// Outputs of three generators on four instructions (base, good, weak: 4 × 2 models × 2 orders = 16 questions) and a
/// judge that knows good ≫ base > weak: it answers <c>[[A&gt;&gt;B]]</c>/<c>[[B&gt;&gt;A]]</c> for good against base
/// and <c>[[A&gt;B]]</c>/<c>[[B&gt;A]]</c> for base against weak, whatever the order.
/// </summary>
internal static class JudgeRunFixture
{
    public const int Instructions = 4;

    public static IReadOnlyList<ModelOutput> Outputs { get; } =
    [
        .. Enumerable.Range(0, Instructions).SelectMany(i => new[]
        {
            new ModelOutput($"q{i}", $"Explain idea {i}.", "base", $"plain answer {i}"),
            new ModelOutput($"q{i}", $"Explain idea {i}.", "good", $"# Good\n- **good** answer {i}"),
            new ModelOutput($"q{i}", $"Explain idea {i}.", "weak", $"weak answer {i}"),
        }),
    ];

    public static IReadOnlyList<JudgeQuestion> Plan => JudgeQuestion.Plan(Outputs, "base");

    /// <summary>The verdict text the knowing judge gives for a rendered question.</summary>
    public static string Answer(RecordedRequest request)
    {
        var (_, first, second) = JudgePrompts.ReadPairwise(request.User) ?? throw new InvalidOperationException("not a judge question");
        static int Rank(string output) => output.Contains("good") ? 2 : output.StartsWith("plain") ? 1 : 0;
        var (a, b) = (Rank(first), Rank(second));
        var strong = Math.Abs(a - b) == 1 && (a == 2 || b == 2);
        return "Reasoning first.\n" + (a > b ? (strong ? "[[A>>B]]" : "[[A>B]]") : strong ? "[[B>>A]]" : "[[B>A]]");
    }

    public static ChatJudgeClient Client(LoopbackChatServer server, TimeSpan timeout) => new(new JudgeClientOptions
    {
        BaseUrl = server.BaseUrl, Model = "judge-model", InitialBackoff = TimeSpan.FromMilliseconds(10), Timeout = timeout,
    });

    /// <summary>One run of the plan against <paramref name="servers"/> with the cache in <paramref name="folder"/>.</summary>
    public static async Task<JudgeRunResult> RunAsync(TempFolder folder, IReadOnlyList<LoopbackChatServer> servers, int parallel = 1,
        double maxFailureFraction = 0.1, CancellationToken cancellation = default, TimeSpan? timeout = null, IReadOnlyList<JudgeQuestion>? plan = null)
    {
        var clients = servers.Select(s => Client(s, timeout ?? TimeSpan.FromSeconds(5))).ToList();
        try
        {
            using var store = new VerdictCache(folder.Path("cache.sqlite"));
            var run = new JudgeRun(clients, JudgeTemplate.Load(null), store,
                new JudgeRunOptions { Baseline = "base", Parallel = parallel, MaxFailureFraction = maxFailureFraction });
            return await run.RunAsync(plan ?? Plan, cancellation);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }
}
