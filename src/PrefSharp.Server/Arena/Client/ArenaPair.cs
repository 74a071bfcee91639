using System.Text.Json.Serialization;

namespace PrefSharp.Server.Arena.Client;

/// <summary>A pair as <c>GET /api/next</c> shows it: the model names stay hidden until the vote.</summary>
public sealed record ArenaPair(
    [property: JsonPropertyName("pair_id")] string PairId,
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("answer_a")] string AnswerA,
    [property: JsonPropertyName("answer_b")] string AnswerB);
