using PrefSharp.Server.Batching;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Tests;

/// <summary>Streaming deltas: sent as tokens arrive, never a character of a stop string, adding up to the unstreamed text.</summary>
public sealed class ChoiceStreamerTests
{
    private static readonly ByteLevelTokenizer Tokenizer = ByteLevelTokenizer.WithChatMl();

    private static async Task<List<StreamedDelta>> Stream(string generated, IReadOnlyList<string> stop)
    {
        var ids = Tokenizer.Encode(generated).ToList();
        var job = new GenerationJob([1], 1, 64, new SamplingSettings(0, 1, null), []) { Tokens = GenerationJob.TokenChannel() };
        foreach (var id in ids) job.Tokens.Writer.TryWrite(new StreamedToken(0, id, -0.5f));
        job.Tokens.Writer.TryComplete();
        IReadOnlyList<GeneratedRow> rows = [new GeneratedRow(ids, [.. ids.Select(_ => -0.5f)], false)];
        var deltas = new List<StreamedDelta>();
        await new ChoiceStreamer(Tokenizer, stop).RunAsync(job, Task.FromResult(rows), 0, delta => { deltas.Add(delta); return Task.CompletedTask; }, default);
        return deltas;
    }

    [Fact]
    public async Task Every_token_is_its_own_delta_without_stop_strings()
    {
        var deltas = await Stream("héllo", []);
        // 'é' is two bytes: its first byte alone decodes to U+FFFD, so it waits for the second.
        Assert.Equal(["h", "é", "l", "l", "o", ""], deltas.Select(d => d.Text));
        Assert.Equal([0..1, 1..3, 3..4, 4..5, 5..6, 6..6], deltas.Select(d => d.Tokens));
        Assert.Equal("length", deltas[^1].FinishReason);
        Assert.All(deltas[..^1], d => Assert.Null(d.FinishReason));
    }

    [Fact]
    public async Task Text_that_could_begin_a_stop_string_is_held_back_and_the_stop_string_never_sent()
    {
        var deltas = await Stream("abSTxSTOPyz", ["STOP", "Q"]);
        Assert.Equal("abSTx", string.Concat(deltas.Select(d => d.Text)));
        Assert.Equal("stop", deltas[^1].FinishReason);
        Assert.True(deltas.Count >= 4, "the text before the stop string is streamed in pieces, not at the end");
        Assert.DoesNotContain(deltas, d => d.Text.Contains("STOP") || d.Text.Contains('O'));
    }
}
