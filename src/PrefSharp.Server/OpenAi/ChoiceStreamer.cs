using PrefSharp.Server.Batching;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.OpenAi;

/// <summary>
/// Turns a streaming job's tokens into text deltas as they are drawn. A delta is sent once the tokens so far decode to
/// whole characters, holding back the last (longest stop string − 1) characters, which could begin a stop string, and
/// everything from a stop string on. When the rows are done, each choice's remaining text (cut as
/// <see cref="FinishedChoice"/> cuts it) follows, then an empty delta with its finish reason, so the deltas of a choice concatenate to the
/// text a request without streaming gets.
/// </summary>
internal sealed class ChoiceStreamer(ITokenizer tokenizer, IReadOnlyList<string> stop)
{
    private readonly int holdBack = stop.Count == 0 ? 0 : stop.Max(s => s.Length) - 1;

    /// <summary>Streams <paramref name="job"/>'s rows as choices <paramref name="firstIndex"/>…; returns the finished choices.</summary>
    public async Task<IReadOnlyList<FinishedChoice>> RunAsync(GenerationJob job, Task<IReadOnlyList<GeneratedRow>> pending, int firstIndex,
        Func<StreamedDelta, Task> send, CancellationToken cancellation)
    {
        var rows = Enumerable.Range(0, job.Rows).Select(_ => new RowState()).ToArray();
        await foreach (var token in job.Tokens!.Reader.ReadAllAsync(cancellation))
        {
            var row = rows[token.Row];
            row.Ids.Add(token.Id);
            row.LogProbs.Add(token.LogProb);
            var text = tokenizer.Decode(row.Ids);
            if (text.EndsWith('\uFFFD')) continue;
            var stopAt = stop.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(text.Length).Min();
            if (Take(row, firstIndex + token.Row, text, Math.Min(text.Length - holdBack, stopAt), row.Ids.Count, null, row.Ids, row.LogProbs) is { } delta)
                await send(delta);
        }
        var finished = (await pending).Select(r => FinishedChoice.From(r, tokenizer, stop)).ToList();
        for (var i = 0; i < finished.Count; i++)
        {
            var choice = finished[i];
            if (Take(rows[i], firstIndex + i, choice.Text, choice.Text.Length, choice.Ids.Count, null, choice.Ids, choice.LogProbs) is { } rest) await send(rest);
            await send(new StreamedDelta(firstIndex + i, "", choice.Ids, choice.LogProbs, choice.Ids.Count..choice.Ids.Count, choice.FinishReason));
        }
        return finished;
    }

    private static StreamedDelta? Take(RowState row, int index, string text, int end, int tokens, string? finish,
        IReadOnlyList<int> ids, IReadOnlyList<float> logProbs)
    {
        if (end > 0 && end < text.Length && char.IsHighSurrogate(text[end - 1])) end--;
        if (end <= row.SentChars) return null;
        var delta = new StreamedDelta(index, text[row.SentChars..end], ids, logProbs, row.SentTokens..Math.Max(row.SentTokens, tokens), finish);
        (row.SentChars, row.SentTokens) = (end, Math.Max(row.SentTokens, tokens));
        return delta;
    }

    private sealed class RowState
    {
        public List<int> Ids { get; } = [];
        public List<float> LogProbs { get; } = [];
        public int SentChars { get; set; }
        public int SentTokens { get; set; }
    }
}
