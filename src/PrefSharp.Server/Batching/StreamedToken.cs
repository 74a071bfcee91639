namespace PrefSharp.Server.Batching;

/// <summary>A token of row <see cref="Row"/> of a streaming job, sent as soon as the decoder draws it.</summary>
public sealed record StreamedToken(int Row, int Id, float LogProb);
