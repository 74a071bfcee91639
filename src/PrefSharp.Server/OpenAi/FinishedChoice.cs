using PrefSharp.Server.Batching;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// A generated row as the API returns it: the text cut before the first stop string (OpenAI's <c>stop</c>), the tokens
/// up to the one where that string begins, and the finish reason: <c>stop</c> (a stop token or string), <c>length</c>.
/// </summary>
internal sealed record FinishedChoice(string Text, string FinishReason, IReadOnlyList<int> Ids, IReadOnlyList<float> LogProbs)
{
    public static FinishedChoice From(GeneratedRow row, ITokenizer tokenizer, IReadOnlyList<string> stop)
    {
        var text = tokenizer.Decode(row.Ids);
        var cut = stop.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(-1).Min();
        if (cut < 0) return new FinishedChoice(text, row.Stopped ? "stop" : "length", row.Ids, row.LogProbs);
        var tokens = 1;
        while (tokens < row.Ids.Count && tokenizer.Decode(row.Ids.Take(tokens)).Length <= cut) tokens++;
        return new FinishedChoice(text[..cut], "stop", [.. row.Ids.Take(tokens)], [.. row.LogProbs.Take(tokens)]);
    }
}
