namespace PrefSharp.Server.Arena.Storage;

/// <summary>A pair shown to one annotator; <see cref="Id"/> is the idempotency key of its vote.</summary>
public sealed record ServedPair(string Id, long AnnotatorId, string QuestionId, string ModelA, string ModelB, string Prompt, string TextA, string TextB);
