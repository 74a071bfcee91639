namespace PrefSharp.Server.OpenAi;

/// <summary>OpenAI's <c>usage</c> object: prompt tokens once per prompt, completion tokens over all choices.</summary>
internal static class Usage
{
    public static object Of(int promptTokens, IEnumerable<FinishedChoice> choices)
    {
        var completion = choices.Sum(c => c.Ids.Count);
        return new { prompt_tokens = promptTokens, completion_tokens = completion, total_tokens = promptTokens + completion };
    }
}
