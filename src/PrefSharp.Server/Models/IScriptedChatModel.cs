using PrefSharp.Core.Data;

namespace PrefSharp.Server.Models;

/// <summary>
/// A chat model without weights whose answer is computed from the request: a gym world's judge or a gym policy of known
/// quality. It has no tokenizer, so usage counts are 0, and it answers only <c>/v1/chat/completions</c> without streaming.
/// </summary>
public interface IScriptedChatModel
{
    /// <summary>The id clients send as <c>model</c>.</summary>
    string Name { get; }

    /// <summary>The assistant's text for <paramref name="messages"/>; a request with a seed gets the same answer every time.</summary>
    string Answer(IReadOnlyList<Message> messages, long? seed);
}
