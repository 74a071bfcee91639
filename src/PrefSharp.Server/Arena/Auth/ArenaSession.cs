namespace PrefSharp.Server.Arena.Auth;

/// <summary>A signed-in browser: an annotator (with <see cref="AnnotatorId"/>) or the admin.</summary>
public sealed record ArenaSession(string Secret, long? AnnotatorId, string Name, bool IsAdmin);
