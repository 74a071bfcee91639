using System.Text;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// Log-probabilities in OpenAI's two shapes: chat's <c>{"content": [{token, logprob, bytes, top_logprobs}]}</c> and
/// text completions' <c>{tokens, token_logprobs, top_logprobs, text_offset}</c>. Each is log π(token) under the
/// sampling temperature, before top-p truncation; top alternatives are not computed (<c>top_logprobs</c> is empty).
/// </summary>
internal static class TokenLogProbs
{
    public static object Chat(IReadOnlyList<int> ids, IReadOnlyList<float> logProbs, ITokenizer tokenizer, Range tokens)
    {
        var (offset, length) = tokens.GetOffsetAndLength(ids.Count);
        return new
        {
            content = Enumerable.Range(offset, length).Select(i =>
            {
                var token = tokenizer.Decode([ids[i]], skipSpecialTokens: false);
                return new { token, logprob = (double)logProbs[i], bytes = Encoding.UTF8.GetBytes(token).Select(b => (int)b), top_logprobs = Array.Empty<object>() };
            }),
            refusal = (object?)null,
        };
    }

    public static object Completion(FinishedChoice choice, ITokenizer tokenizer)
    {
        var tokens = choice.Ids.Select(id => tokenizer.Decode([id], skipSpecialTokens: false)).ToList();
        var offsets = new List<int>(tokens.Count);
        var position = 0;
        foreach (var token in tokens)
        {
            offsets.Add(position);
            position += token.Length;
        }
        return new { tokens, token_logprobs = choice.LogProbs.Select(p => (double)p), top_logprobs = (object?)null, text_offset = offsets };
    }
}
