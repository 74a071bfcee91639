using Microsoft.AspNetCore.Http;
using PrefSharp.Server.Models;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Rewards;

namespace PrefSharp.Server.Scoring;

/// <summary>
/// <c>POST /v1/preference</c>: P(response_a ≻ response_b | prompt) for any reward model, in the shape of vLLM's score
/// API: <c>{"model", "prompt": text or [texts], "response_a": …, "response_b": …}</c> →
/// <c>{"object": "list", "data": [{"index", "object": "preference", "probability", "logit"}]}</c>. A scalar model gives
/// σ(r_a − r_b) (Bradley–Terry); a General Preference Model gives σ(⟨R(x) v_a, v_b⟩ / β) (Zhang et al. 2024,
/// "Beyond Bradley–Terry", Eq. 4–5), which need not be a difference of two scores.
/// </summary>
internal static class PreferenceEndpoint
{
    public static async Task Handle(HttpContext context, ModelCatalog catalog)
    {
        var request = await JsonRequest.ReadAsync(context);
        var served = catalog.RewardModel(request.RequiredString("model"));
        var first = request.Strings("response_a", ScoringPairs.MaxItems);
        var second = request.Strings("response_b", ScoringPairs.MaxItems);
        if (first.Count != second.Count)
            throw ApiException.Invalid("response_b", $"has {second.Count} items but response_a has {first.Count}");
        var prompts = ScoringPairs.Broadcast(request.Strings("prompt", ScoringPairs.MaxItems), "prompt", first.Count, "response_a");
        var pairs = prompts.Select((p, i) => (
            RewardInputs.Encode(served.Tokenizer, p, first[i], served.MaxLength),
            RewardInputs.Encode(served.Tokenizer, p, second[i], served.MaxLength))).ToList();
        var logits = await served.RunAsync(model => PreferenceLogits.Pairs(model, pairs), context.RequestAborted);
        await context.Response.WriteAsJsonAsync(new
        {
            id = $"preference-{Guid.NewGuid():N}", @object = "list", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), model = served.Name,
            data = logits.Select((logit, index) => new { index, @object = "preference", probability = 1 / (1 + Math.Exp(-logit)), logit }),
        });
    }
}
