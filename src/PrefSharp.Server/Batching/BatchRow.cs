namespace PrefSharp.Server.Batching;

/// <summary>A row of the running batch: row <see cref="Row"/> of <see cref="Job"/>.</summary>
internal readonly record struct BatchRow(RunningJob Job, int Row);
