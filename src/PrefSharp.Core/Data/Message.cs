namespace PrefSharp.Core.Data;

/// <summary>One turn of a conversation, in the role/content shape of TRL and the OpenAI chat format.</summary>
/// <param name="Role">"system", "user" or "assistant" (other roles are kept as given).</param>
/// <param name="Content">The text of the turn.</param>
public sealed record Message(string Role, string Content);
