using Microsoft.AspNetCore.Http;
using PrefSharp.Server.Models;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Rewards;

namespace PrefSharp.Server.Scoring;

/// <summary>
/// <c>POST /v1/score</c> (also <c>/score</c>), vLLM's score API applied to reward models:
/// <c>{"model", "text_1": prompt or [prompts], "text_2": response or [responses]}</c> →
/// <c>{"object": "list", "data": [{"index", "object": "score", "score"}], "usage"}</c>, the score being the scalar
/// reward r(prompt, response) before normalisation. Sequences longer than the model's context keep their last tokens
/// (<see cref="RewardInputs"/>). A General Preference Model has no scalar reward: ask <c>/v1/preference</c>.
/// </summary>
internal static class ScoreEndpoint
{
    public static async Task Handle(HttpContext context, ModelCatalog catalog)
    {
        var request = await JsonRequest.ReadAsync(context);
        var served = catalog.RewardModel(request.RequiredString("model"));
        if (served.Model.Config.IsGeneralPreference)
            throw new ApiException(400, $"model '{served.Name}' is a General Preference Model: it has no scalar reward; use /v1/preference", "model", "unsupported_model");
        var responses = request.Strings("text_2", ScoringPairs.MaxItems);
        var prompts = ScoringPairs.Broadcast(request.Strings("text_1", ScoringPairs.MaxItems), "text_1", responses.Count, "text_2");
        var sequences = prompts.Zip(responses, (p, r) => RewardInputs.Encode(served.Tokenizer, p, r, served.MaxLength)).ToList();
        var scores = await served.RunAsync(model => RewardScorer.Score(model, sequences), context.RequestAborted);
        var tokens = sequences.Sum(s => s.Ids.Count);
        await context.Response.WriteAsJsonAsync(new
        {
            id = $"score-{Guid.NewGuid():N}", @object = "list", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model = served.Name,
            data = scores.Select((score, index) => new { index, @object = "score", score }),
            usage = new { prompt_tokens = tokens, total_tokens = tokens },
        });
    }
}
