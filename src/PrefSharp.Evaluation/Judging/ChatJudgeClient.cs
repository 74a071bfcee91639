using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using Polly.Timeout;
using PrefSharp.Core.Judging;
using Message = PrefSharp.Core.Data.Message;

namespace PrefSharp.Evaluation.Judging;

/// <summary>
/// Asks an OpenAI-compatible chat server (a judge, or a model being evaluated) through Microsoft.Extensions.AI's <see cref="IChatClient"/> (OpenAI provider)
/// over <see cref="JudgeHttp"/> (timeouts, retries, Retry-After). Every failure is one <see cref="JudgeException"/>
/// line naming the endpoint and what was wrong: the HTTP status and the server's message, no answer in time, no
/// connection, or a response that is not a chat completion with text content. Counts the tokens of every answer.
/// </summary>
public sealed class ChatJudgeClient : IDisposable
{
    private readonly HttpClient http;
    private readonly IChatClient chat;
    private long inputTokens, outputTokens, requests;

    public ChatJudgeClient(JudgeClientOptions options)
    {
        Options = options.Validate();
        http = JudgeHttp.Create(options);
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey ?? "none"), new OpenAIClientOptions
        {
            Endpoint = options.ApiRoot,
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = System.Threading.Timeout.InfiniteTimeSpan,
        });
        chat = client.GetChatClient(options.Model).AsIChatClient();
    }

    public JudgeClientOptions Options { get; }

    /// <summary>Tokens read and written over all answers so far, and the answers counted.</summary>
    public (long Input, long Output, long Requests) Tokens => (Interlocked.Read(ref inputTokens), Interlocked.Read(ref outputTokens), Interlocked.Read(ref requests));

    /// <summary>The assistant's reply to <paramref name="messages"/>; a <paramref name="seed"/> asks the server for a repeatable sample.</summary>
    public async Task<JudgeReply> CompleteAsync(IReadOnlyList<Message> messages, CancellationToken cancellation = default, long? seed = null)
    {
        var request = messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content)).ToList();
        var settings = new ChatOptions { Temperature = (float)Options.Temperature, MaxOutputTokens = Options.MaxTokens, Seed = seed };
        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync(request, settings, cancellation).ConfigureAwait(false);
        }
        catch (ClientResultException error) when (error.Status > 0)
        {
            var attempts = error.Status is 408 or 429 or >= 500 ? Options.MaxRetries + 1 : 1;
            throw Failure($"HTTP {error.Status} after {attempts} attempt(s): {Excerpt(error.GetRawResponse()?.Content?.ToString() ?? error.Message)}", error);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested && Timeout(error))
        {
            throw Failure($"no answer within {Options.Timeout.TotalSeconds:0.###} s in {Options.MaxRetries + 1} attempt(s)", error);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested && error is ClientResultException or HttpRequestException)
        {
            throw Failure($"connection failed: {FirstLine(error.Message)}", error);
        }
        catch (Exception error) when (!cancellation.IsCancellationRequested && error is not JudgeException)
        {
            throw Failure($"malformed response, not a chat completion: {FirstLine(error.Message)}", error);
        }
        var text = response.Messages.Count == 0 ? null : response.Text;
        if (text is null || (text.Length == 0 && !Options.AllowEmptyAnswer)) throw Failure("malformed response: no choices[0].message.content text");
        Interlocked.Add(ref inputTokens, response.Usage?.InputTokenCount ?? 0);
        Interlocked.Add(ref outputTokens, response.Usage?.OutputTokenCount ?? 0);
        Interlocked.Increment(ref requests);
        return new JudgeReply(text, response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
    }

    private static bool Timeout(Exception error) =>
        error is TimeoutRejectedException || error.InnerException is TimeoutRejectedException || error is TaskCanceledException;

    private JudgeException Failure(string what, Exception? inner = null) =>
        new($"judge {Options.Endpoint} ({Options.Model}): {what}", inner);

    private static string FirstLine(string text) => Excerpt(text.Split('\n')[0].Trim());

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose()
    {
        chat.Dispose();
        http.Dispose();
    }
}
