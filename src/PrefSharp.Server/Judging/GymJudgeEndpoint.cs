using Microsoft.AspNetCore.Http;
using PrefSharp.Core.Data;
using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Judging;

/// <summary>A <c>chat.completion</c> from a <see cref="GymJudge"/>; it has no tokenizer, so usage counts are 0.</summary>
internal static class GymJudgeEndpoint
{
    public static Task Respond(HttpContext context, GymJudge judge, IReadOnlyList<Message> messages, JsonRequest request)
    {
        if (request.Bool("stream")) throw ApiException.Invalid("stream", $"{judge.Name} answers without streaming; use false");
        var verdict = judge.Answer(messages, request.Long("seed"));
        return context.Response.WriteAsJsonAsync(new
        {
            id = $"chatcmpl-{Guid.NewGuid():N}", @object = "chat.completion", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model = judge.Name,
            choices = new[]
            {
                new { index = 0, message = new { role = "assistant", content = verdict }, logprobs = (object?)null, finish_reason = "stop" },
            },
            usage = new { prompt_tokens = 0, completion_tokens = 0, total_tokens = 0 },
        });
    }
}
