using Microsoft.AspNetCore.Http;
using PrefSharp.Core.Data;
using PrefSharp.Server.Models;

namespace PrefSharp.Server.OpenAi;

/// <summary>A <c>chat.completion</c> from an <see cref="IScriptedChatModel"/>; it has no tokenizer, so usage counts are 0.</summary>
internal static class ScriptedChatEndpoint
{
    public static Task Respond(HttpContext context, IScriptedChatModel model, IReadOnlyList<Message> messages, JsonRequest request)
    {
        if (request.Bool("stream")) throw ApiException.Invalid("stream", $"{model.Name} answers without streaming; use false");
        var text = model.Answer(messages, request.Long("seed"));
        return context.Response.WriteAsJsonAsync(new
        {
            id = $"chatcmpl-{Guid.NewGuid():N}", @object = "chat.completion", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model = model.Name,
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content = text }, logprobs = (object?)null, finish_reason = "stop" },
            },
            usage = new { prompt_tokens = 0, completion_tokens = 0, total_tokens = 0 },
        });
    }
}
