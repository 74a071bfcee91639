using Microsoft.AspNetCore.Http;
using PrefSharp.Core.Data;
using PrefSharp.Server.Batching;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;
using PrefSharp.Torch.Generation;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c>: the messages go through the checkpoint's chat template, the rows are decoded by
/// the model's <see cref="DynamicBatcher"/>, and the answer is a <c>chat.completion</c>, or with <c>stream: true</c> a
/// series of <c>chat.completion.chunk</c> events ending with <c>data: [DONE]</c>, each sent as soon as the decoder has
/// drawn its tokens (<see cref="ChoiceStreamer"/>).
/// </summary>
internal static class ChatCompletionsEndpoint
{
    public static async Task Handle(HttpContext context, ModelCatalog catalog, ServeOptions limits)
    {
        var request = await JsonRequest.ReadAsync(context);
        var name = request.RequiredString("model");
        var messages = ChatMessages.Read(request);
        if (catalog.Scripted(name) is { } scripted)
        {
            await ScriptedChatEndpoint.Respond(context, scripted, messages, request);
            return;
        }
        var policy = catalog.Policy(name);
        var sampling = SamplingRequest.Read(request, limits, "max_completion_tokens", "max_tokens");
        var logprobs = request.Bool("logprobs");
        if ((request.Integer("top_logprobs", 0, 20) ?? 0) > 0)
            throw ApiException.Invalid("top_logprobs", "this server does not compute alternative tokens; use 0");
        var promptIds = TextGenerator.PromptIds(policy.Chat, Passage.FromMessages(messages));
        var budget = sampling.Budget(promptIds.Count, policy.ContextLength, limits.MaxTokens, "messages");
        var job = new GenerationJob(promptIds, sampling.Choices, budget, sampling.Settings, policy.Chat.StopTokenIds)
        {
            Tokens = sampling.Stream ? GenerationJob.TokenChannel() : null,
            Cancellation = context.RequestAborted,
        };
        var pending = policy.Batcher.Submit(job);
        var tokenizer = policy.Chat.Tokenizer;
        var (id, created, model) = ($"chatcmpl-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), policy.Name);
        if (!sampling.Stream)
        {
            var choices = (await pending).Select(row => FinishedChoice.From(row, tokenizer, sampling.Stop)).ToList();
            await context.Response.WriteAsJsonAsync(new
            {
                id, @object = "chat.completion", created, model, system_fingerprint = (string?)null,
                choices = choices.Select((choice, index) => new
                {
                    index,
                    message = new { role = "assistant", content = choice.Text, refusal = (string?)null },
                    logprobs = logprobs ? TokenLogProbs.Chat(choice.Ids, choice.LogProbs, tokenizer, Range.All) : null,
                    finish_reason = choice.FinishReason,
                }),
                usage = Usage.Of(promptIds.Count, choices),
            });
            return;
        }
        var events = EventStream.Start(context);
        object Chunk(int index, object delta, object? tokenLogProbs, string? finish) => new
        {
            id, @object = "chat.completion.chunk", created, model, system_fingerprint = (string?)null,
            choices = new[] { new { index, delta, logprobs = tokenLogProbs, finish_reason = finish } },
        };
        for (var index = 0; index < job.Rows; index++) await events.Send(Chunk(index, new { role = "assistant", content = "" }, null, null));
        var streamed = await new ChoiceStreamer(tokenizer, sampling.Stop).RunAsync(job, pending, 0, delta => events.Send(Chunk(delta.Index,
            delta.FinishReason is null ? new { content = delta.Text } : new { },
            logprobs ? TokenLogProbs.Chat(delta.Ids, delta.LogProbs, tokenizer, delta.Tokens) : null, delta.FinishReason)), context.RequestAborted);
        if (sampling.IncludeUsage)
            await events.Send(new { id, @object = "chat.completion.chunk", created, model, choices = Array.Empty<object>(), usage = Usage.Of(promptIds.Count, streamed) });
        await events.Done();
    }
}
