using System.Text.Json;
using PrefSharp.Core.Data;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Evaluation.Runs;

/// <summary>
/// <c>prefsharp judge</c> end to end: read the outputs, plan every question in both orders, ask the judge through
/// the cache, write the battles JSONL (atomically) and the position-bias summary JSON.
/// </summary>
public static class JudgeJobRunner
{
    public static async Task<(JudgeRunReport Report, PositionBias Bias, long Battles)> RunAsync(JudgeJob job, CancellationToken cancellation = default)
    {
        var plan = JudgeQuestion.Plan(ModelOutputsReader.Read(job.Outputs, job.Questions), job.Run.Baseline);
        var template = JudgeTemplate.Load(job.Template);
        var clients = job.Endpoints.Select(url => new ChatJudgeClient(new JudgeClientOptions
        {
            BaseUrl = url, Model = job.Model, ApiKey = job.ApiKey, Timeout = TimeSpan.FromSeconds(job.TimeoutSeconds),
        })).ToList();
        try
        {
            using var cache = new VerdictCache(job.Cache);
            var result = await new JudgeRun(clients, template, cache, job.Run).RunAsync(plan, cancellation).ConfigureAwait(false);
            var written = BattleJsonlWriter.Write(job.Battles, JudgeBattles.From(result.Judged, job.Model));
            var bias = PositionBias.Of(result.Judged);
            AtomicFile.WriteAllText(job.BiasPath, JsonSerializer.Serialize(new
            {
                judge = job.Model, pairs = bias.Pairs, changed = bias.Changed, changed_fraction = Finite(bias.ChangedFraction),
                decisive = bias.Decisive, first_wins = bias.FirstWins, first_win_rate = Finite(bias.FirstWinRate),
            }));
            return (result.Report, bias, written);
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
