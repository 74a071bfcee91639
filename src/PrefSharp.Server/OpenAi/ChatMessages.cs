using System.Text.Json;
using PrefSharp.Core.Data;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// Reads <c>messages</c>: roles system, developer (read as system), user and assistant; content a string or an array of
/// <c>{"type": "text", "text": …}</c> parts, joined.
/// </summary>
internal static class ChatMessages
{
    public static IReadOnlyList<Message> Read(JsonRequest request)
    {
        if (request.Field("messages") is not { ValueKind: JsonValueKind.Array } array || array.GetArrayLength() == 0)
            throw new ApiException(400, "messages: required, a non-empty array", "messages", "missing_required_parameter");
        return [.. array.EnumerateArray().Select((message, i) => Read(message, $"messages[{i}]"))];
    }

    private static Message Read(JsonElement message, string where)
    {
        if (message.ValueKind != JsonValueKind.Object) throw ApiException.Invalid(where, "must be an object with role and content");
        var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        role = role == "developer" ? "system" : role;
        if (role is not ("system" or "user" or "assistant"))
            throw ApiException.Invalid($"{where}.role", $"must be system, developer, user or assistant, found '{role}'");
        if (!message.TryGetProperty("content", out var content)) throw ApiException.Invalid($"{where}.content", "required");
        return new Message(role, content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Concat(content.EnumerateArray().Select((part, i) => Text(part, $"{where}.content[{i}]"))),
            _ => throw ApiException.Invalid($"{where}.content", $"must be a string or an array of text parts, found {content.ValueKind}"),
        });
    }

    private static string Text(JsonElement part, string where) =>
        part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueEquals("text")
            && part.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()!
            : throw ApiException.Invalid(where, "only {\"type\": \"text\", \"text\": …} parts are supported");
}
