using PrefSharp.Torch.Training.Checkpointing;
using PrefSharp.Torch.Training.Logging;
using PrefSharp.Torch.Training.Loop;

namespace PrefSharp.Torch.Training.Rollouts;

/// <summary>
/// How an online trainer (GRPO, PPO) runs the shared loop: every finished step becomes the trainer's own report,
/// handed to its listeners, and with a KL budget (<see cref="KlBudget"/>) the loop stops at the first full window whose
/// mean sequence KL reaches it, saying so on the progress writer.
/// </summary>
public static class RolloutRun
{
    /// <summary>
    /// The run's reports; whether it was cancelled or stopped at the budget; its checkpoint: the last one written, or
    /// for a run that ended normally without writing one the newest in the output folder.
    /// </summary>
    public sealed record Outcome<TReport>(IReadOnlyList<TReport> Reports, bool Cancelled, bool StoppedAtKlBudget, string? Checkpoint);

    /// <param name="report">Turns one loop step into the trainer's report.</param>
    /// <param name="sequenceKl">The report's mean sequence KL, which the budget watches.</param>
    /// <param name="completed">Called with each report (the trainer's StepCompleted event).</param>
    public static Outcome<TReport> Execute<TBatch, TReport>(Trainer<TBatch> loop, Func<StepReport, TReport> report, Func<TReport, double> sequenceKl,
        Action<TReport> completed, KlBudget? budget, ProgressReporter progress, CancellationToken cancellation) where TBatch : IDisposable
    {
        var reports = new List<TReport>();
        void Collect(StepReport step)
        {
            reports.Add(report(step));
            completed(reports[^1]);
        }
        loop.StepCompleted += Collect;
        loop.StopWhen = budget is null ? null : _ => budget.Observe(sequenceKl(reports[^1]));
        TrainingResult result;
        try
        {
            result = loop.Run(cancellation);
        }
        finally
        {
            loop.StepCompleted -= Collect;
        }
        if (result.Stopped) progress.Message(budget!.StopMessage(loop.Step));
        var checkpoint = result.AlreadyFinished || result.Cancelled ? result.LastCheckpoint
            : result.LastCheckpoint ?? CheckpointFolders.Latest(loop.Options.OutputDirectory);
        return new Outcome<TReport>(reports, result.Cancelled, result.Stopped, checkpoint);
    }
}
