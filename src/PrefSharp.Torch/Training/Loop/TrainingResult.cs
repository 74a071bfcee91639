namespace PrefSharp.Torch.Training.Loop;

/// <summary>How a call to <see cref="Trainer{TBatch}.Run"/> ended.</summary>
/// <param name="Step">Optimiser steps completed in total (including those before a resume).</param>
/// <param name="Cancelled">True when the cancellation token stopped the run (no checkpoint is written then).</param>
/// <param name="LastLoss">Training loss of the last logged window (weighted mean), NaN when nothing was logged.</param>
/// <param name="LastEvaluation">The last evaluation, if any ran.</param>
/// <param name="LastCheckpoint">Folder of the last checkpoint written by this call, if any.</param>
/// <remarks><see cref="AlreadyFinished"/>: the run was resumed at its last step, so nothing was trained; LastCheckpoint is the resumed one.</remarks>
public sealed record TrainingResult(long Step, bool Cancelled, double LastLoss, EvaluationResult? LastEvaluation, string? LastCheckpoint)
{
    /// <summary>True when the call trained nothing because the resumed checkpoint was already at the last step.</summary>
    public bool AlreadyFinished { get; init; }

    /// <summary>True when <see cref="Trainer{TBatch}.StopWhen"/> ended the run before its last step.</summary>
    public bool Stopped { get; init; }
}
