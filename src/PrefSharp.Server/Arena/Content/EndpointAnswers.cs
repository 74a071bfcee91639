using PrefSharp.Core.Data;
using PrefSharp.Evaluation.Judging;

namespace PrefSharp.Server.Arena.Content;

/// <summary>
/// Answers of OpenAI-compatible endpoints to the arena's prompts, asked once per prompt and model when the arena starts
/// (the prompt as the one user message) through the judge's chat client, with its timeouts, retries and backoff; a
/// failure stops the start with the endpoint's one-line error.
/// </summary>
public static class EndpointAnswers
{
    /// <summary><paramref name="content"/> with each endpoint's model added as an answerer of every prompt.</summary>
    public static async Task<ArenaContent> AddAsync(ArenaContent content, IReadOnlyList<ArenaEndpoint> endpoints, string? apiKey,
        int parallel = 4, int maxTokens = 512, CancellationToken cancellation = default)
    {
        if (endpoints.Count == 0) return content;
        var clashes = endpoints.Select(e => e.Model).Where(content.Models.Contains).ToList();
        if (clashes.Count > 0) throw new ArgumentException($"--endpoint: model {clashes[0]} already answers from the outputs; rename it", "--endpoint");
        var clients = endpoints.Select(e => new ChatJudgeClient(new JudgeClientOptions
        {
            BaseUrl = e.BaseUrl, Model = e.Model, ApiKey = apiKey, Temperature = 0.7, MaxTokens = maxTokens, AllowEmptyAnswer = true,
        })).ToList();
        try
        {
            var jobs = content.Questions.Values.SelectMany(q => clients.Select(c => (Question: q, Client: c))).ToList();
            var answers = new (string, string, string)[jobs.Count];
            await Parallel.ForAsync(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation }, async (i, token) =>
            {
                var (question, client) = jobs[i];
                var reply = await client.CompleteAsync([new Message("user", question.Prompt)], token);
                answers[i] = (question.Id, client.Options.Model, reply.Text);
            });
            var byQuestion = answers.ToLookup(a => a.Item1, StringComparer.Ordinal);
            return new ArenaContent(content.Questions.Values.Select(q =>
            {
                var merged = new Dictionary<string, string>(q.Answers, StringComparer.Ordinal);
                foreach (var (_, model, text) in byQuestion[q.Id]) merged[model] = text;
                return q with { Answers = merged };
            }).ToList());
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }
}
