using PrefSharp.Core.Data;
using PrefSharp.Core.Ranking.Input;
using PrefSharp.Evaluation.Inputs;
using PrefSharp.Evaluation.Reports;
using PrefSharp.Evaluation.Runs;

namespace PrefSharp.Evaluation.Eval;

/// <summary>
/// <c>prefsharp eval</c> end to end: every model answers every prompt (<see cref="AnswerGeneration"/>), the judge
/// compares each with the baseline in both orders (<see cref="JudgeJobRunner"/>, through the verdict cache), the
/// battles are ranked (<see cref="EvalLeaderboards"/>), and the HTML report is written. Every stage keeps its files in
/// <see cref="EvalJob.OutputDirectory"/>, so a rerun after a crash asks neither a model nor the judge anything twice.
/// </summary>
public static class EvalRunner
{
    public static async Task<EvalResult> RunAsync(EvalJob job, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        job.Validate();
        Directory.CreateDirectory(Path.Combine(job.OutputDirectory, "outputs"));
        AnswerGeneration.WriteQuestions(job.QuestionsPath, job.Prompts);
        var asked = 0;
        foreach (var model in job.Models)
        {
            var fresh = await AnswerGeneration.GenerateAsync(model, job.Prompts, job.Generation, job.OutputsPath(model), job.QuestionsPath, cancellation).ConfigureAwait(false);
            progress?.WriteLine($"{model.Name}: {job.Prompts.Count} answers {(fresh ? "generated" : "already in " + job.OutputsPath(model))}");
            asked += fresh ? 1 : 0;
        }
        var judging = new JudgeJob
        {
            Outputs = job.Models.Select(job.OutputsPath).ToList(), Questions = job.QuestionsPath, Endpoints = job.JudgeEndpoints, Model = job.JudgeModel, ApiKey = job.JudgeApiKey,
            TimeoutSeconds = job.JudgeTimeoutSeconds, Template = job.Template, Cache = job.CachePath, Battles = job.BattlesPath,
            Run = new JudgeRunOptions { Baseline = job.Baseline, Parallel = job.JudgeParallel, MaxFailureFraction = job.MaxFailureFraction },
        };
        var (report, bias, _) = await JudgeJobRunner.RunAsync(judging, cancellation).ConfigureAwait(false);
        progress?.WriteLine($"judge: {report.Asked} asked, {report.Cached} from the cache, {report.Failures} without a verdict");
        var battles = LeaderboardInput.Read([job.BattlesPath], ReadOptions.Default).Battles();
        var (ratings, styleControlled) = EvalLeaderboards.Fit(battles, job.Baseline, job.BootstrapRounds, job.Generation.Seed);
        var gold = job.Gold is null ? null : GoldAgreement.Of(ModelOutputsReader.Read(judging.Outputs, job.QuestionsPath), job.Gold, ratings, styleControlled);
        double? cost = job.Price is { } price ? report.Cost(price.Input, price.Output) : null;
        var result = new EvalResult(ratings, styleControlled, report, bias, gold, cost, asked);
        EvalHtmlReport.Write(job.ReportPath, job, result);
        return result;
    }
}
