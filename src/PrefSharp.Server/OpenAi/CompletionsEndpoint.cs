using Microsoft.AspNetCore.Http;
using PrefSharp.Core.Data;
using PrefSharp.Server.Batching;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;
using PrefSharp.Torch.Generation;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// <c>POST /v1/completions</c>: each prompt (a string or an array of strings) is continued as plain text (BOS when the
/// tokenizer adds one, then the text; no chat template), n times; choice <c>p·n + j</c> is sample j of prompt p.
/// <c>max_tokens</c> defaults to 16 as in OpenAI's API. <c>logprobs: 0</c> returns each token's log-probability.
/// </summary>
internal static class CompletionsEndpoint
{
    public static async Task Handle(HttpContext context, ModelCatalog catalog, ServeOptions limits)
    {
        var request = await JsonRequest.ReadAsync(context);
        var policy = catalog.Policy(request.RequiredString("model"));
        var prompts = request.Strings("prompt", limits.MaxChoices);
        if (prompts.Count == 0) throw new ApiException(400, "prompt: required, a string or an array of strings", "prompt", "missing_required_parameter");
        var sampling = SamplingRequest.Read(request, limits, "max_tokens");
        if (request.Bool("echo")) throw ApiException.Invalid("echo", "this server does not echo the prompt; use false");
        var logprobs = request.Integer("logprobs", 0, 5) is { } alternatives
            ? alternatives == 0 ? true : throw ApiException.Invalid("logprobs", "this server does not compute alternative tokens; use 0")
            : false;
        var promptIds = prompts.Select(p => TextGenerator.PromptIds(policy.Plain, Passage.FromText(p))).ToList();
        var jobs = promptIds.Select(ids => new GenerationJob(ids, sampling.Choices,
            sampling.Budget(ids.Count, policy.ContextLength, Math.Min(16, limits.MaxTokens), "prompt"), sampling.Settings, policy.Plain.StopTokenIds)
        {
            Tokens = sampling.Stream ? GenerationJob.TokenChannel() : null,
            Cancellation = context.RequestAborted,
        }).ToList();
        var pending = jobs.Select(policy.Batcher.Submit).ToList();
        var tokenizer = policy.Plain.Tokenizer;
        var (id, created, model) = ($"cmpl-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.ToUnixTimeSeconds(), policy.Name);
        object Choice(int index, string text, object? tokenLogProbs, string? finish) =>
            new { text, index, logprobs = tokenLogProbs, finish_reason = finish };
        if (!sampling.Stream)
        {
            var choices = (await Task.WhenAll(pending)).SelectMany(r => r).Select(row => FinishedChoice.From(row, tokenizer, sampling.Stop)).ToList();
            await context.Response.WriteAsJsonAsync(new
            {
                id, @object = "text_completion", created, model, system_fingerprint = (string?)null,
                choices = choices.Select((c, i) => Choice(i, c.Text, logprobs ? TokenLogProbs.Completion(c, tokenizer) : null, c.FinishReason)),
                usage = Usage.Of(promptIds.Sum(p => p.Count), choices),
            });
            return;
        }
        var events = EventStream.Start(context);
        object Chunk(object choice) => new { id, @object = "text_completion", created, model, choices = new[] { choice } };
        var streamer = new ChoiceStreamer(tokenizer, sampling.Stop);
        var streamed = new List<FinishedChoice>();
        for (var p = 0; p < jobs.Count; p++)
            streamed.AddRange(await streamer.RunAsync(jobs[p], pending[p], p * sampling.Choices,
                delta => events.Send(Chunk(Choice(delta.Index, delta.Text, null, delta.FinishReason))), context.RequestAborted));
        if (sampling.IncludeUsage)
            await events.Send(new { id, @object = "text_completion", created, model, choices = Array.Empty<object>(), usage = Usage.Of(promptIds.Sum(p => p.Count), streamed) });
        await events.Done();
    }
}
