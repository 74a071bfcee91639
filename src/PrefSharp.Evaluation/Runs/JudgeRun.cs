using PrefSharp.Core.Judging;
using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// Asks the judge every planned question, <see cref="JudgeRunOptions.Parallel"/> at a time, the endpoints taken in
/// turn (round-robin). Questions with the same cache key (two models that gave the same output) are asked once and
/// share the answer; a question already in the <see cref="VerdictCache"/> is not asked; a fresh answer is stored
/// before its worker asks the next. Answers without a verdict and errors after all retries are counted, never
/// guessed; once they exceed <see cref="JudgeRunOptions.MaxFailureFraction"/> of the plan the run stops with a
/// <see cref="JudgeException"/> giving the counts and the last reason (the answers so far stay cached). Each question
/// carries a seed from its cache key, so a judge that honours seeds (the gym judge; OpenAI's, on a best-effort basis)
/// gives a question the same verdict in any run.
/// </summary>
public sealed class JudgeRun
{
    private readonly IReadOnlyList<ChatJudgeClient> judges;
    private readonly JudgeTemplate template;
    private readonly VerdictCache cache;
    private readonly JudgeRunOptions options;

    public JudgeRun(IReadOnlyList<ChatJudgeClient> judges, JudgeTemplate template, VerdictCache cache, JudgeRunOptions options)
    {
        if (judges.Count == 0) throw new ArgumentException("give at least one judge endpoint", "--endpoint");
        if (judges.Select(j => j.Options.Model).Distinct().Count() > 1)
            throw new ArgumentException("every endpoint must serve the same judge model (it is part of the cache key)", "--judge-model");
        (this.judges, this.template, this.cache, this.options) = (judges, template, cache, options.Validate());
    }

    /// <summary>The judge model's name, as battles and cache keys record it.</summary>
    public string JudgeModel => judges[0].Options.Model;

    public async Task<JudgeRunResult> RunAsync(IReadOnlyList<JudgeQuestion> plan, CancellationToken cancellation = default)
    {
        var verdicts = new Verdict?[plan.Count];
        int asked = 0, cached = 0, unparseable = 0, errors = 0, turn = -1;
        long inputTokens = 0, outputTokens = 0;
        string? stopReason = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);

        int failed = 0;
        void Fail(string reason)
        {
            var failures = Interlocked.Increment(ref failed);
            if (failures <= options.MaxFailureFraction * plan.Count) return;
            Interlocked.CompareExchange(ref stopReason, $"judge stopped: {failures} of {plan.Count} questions failed (more than " +
                $"--max-failure-fraction {options.MaxFailureFraction:0.###}); last: {reason}", null);
            stop.Cancel();
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallel, CancellationToken = stop.Token };
        var groups = Enumerable.Range(0, plan.Count)
            .GroupBy(i => VerdictCache.Key(JudgeModel, template.Hash, plan[i].Model.Instruction, plan[i].First.Output, plan[i].Second.Output))
            .ToList();
        try
        {
            await Parallel.ForEachAsync(groups, parallel, async (group, token) =>
            {
                var (key, question, twins) = (group.Key, plan[group.First()], group.Count() - 1);
                var answer = cache.Find(key);
                if (answer is not null) Interlocked.Add(ref cached, twins + 1);
                else
                {
                    var judge = judges[(int)((uint)Interlocked.Increment(ref turn) % judges.Count)];
                    try
                    {
                        var reply = await judge.CompleteAsync(template.Render(question.Model.Instruction, question.First.Output, question.Second.Output), token,
                            seed: Convert.ToInt64(key[..8], 16));
                        answer = new CachedVerdict(reply.Text, reply.InputTokens, reply.OutputTokens);
                    }
                    catch (JudgeException error)
                    {
                        Interlocked.Increment(ref errors);
                        Fail(error.Message);
                        return;
                    }
                    cache.Store(key, answer);
                    Interlocked.Increment(ref asked);
                    Interlocked.Add(ref cached, twins);
                    Interlocked.Add(ref inputTokens, answer.InputTokens);
                    Interlocked.Add(ref outputTokens, answer.OutputTokens);
                }
                var verdict = Verdict.Parse(answer.Text);
                foreach (var index in group) verdicts[index] = verdict;
                if (verdict is not null) return;
                Interlocked.Increment(ref unparseable);
                Fail($"no verdict in the answer \"{Excerpt(answer.Text)}\"");
            });
        }
        catch (OperationCanceledException) when (stopReason is not null && !cancellation.IsCancellationRequested)
        {
        }
        if (stopReason is not null) throw new JudgeException(stopReason);
        var judged = plan.Select((question, i) => new JudgedQuestion(question, verdicts[i])).ToList();
        return new JudgeRunResult(judged, new JudgeRunReport(plan.Count, asked, cached, unparseable, errors, inputTokens, outputTokens));
    }

    private static string Excerpt(string text) => text.Length <= 120 ? text.ReplaceLineEndings(" ") : text[..120].ReplaceLineEndings(" ") + "…";
}
