using PrefSharp.Core.Data;
using PrefSharp.Server.Batching;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Tests;

/// <summary>Requests waiting together are decoded in one batch; the queue is bounded; incompatible requests wait.</summary>
public sealed class DynamicBatcherTests
{
    private static readonly ByteLevelTokenizer Tokenizer = ByteLevelTokenizer.WithChatMl();
    private static readonly ChatTemplate Template = ChatTemplate.For(Tokenizer);

    private static GenerationJob Job(string prompt, int maxTokens, double temperature = 0, long? seed = null) =>
        new(Template.Prompt(prompt), 1, maxTokens, new SamplingSettings(temperature, 1.0, seed), Template.StopTokenIds);

    [Fact]
    public async Task Jobs_waiting_together_are_decoded_in_one_batch_with_the_text_each_gets_alone()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, start: false);
        string[] prompts = ["hi", "a longer prompt", "xyz"];
        int[] limits = [5, 9, 3];
        var tasks = prompts.Select((p, i) => batcher.Submit(Job(p, limits[i]))).ToList();
        batcher.Start();
        var rows = (await Task.WhenAll(tasks)).Select(r => Assert.Single(r)).ToList();

        Assert.Equal(1, batcher.Batches);
        Assert.Equal(3, batcher.LargestBatchRows);
        for (var i = 0; i < prompts.Length; i++)
        {
            // Greedy decoding does not depend on the batch (left padding is masked): each row equals its prompt decoded alone.
            var alone = TextGenerator.Generate(model, Template, [Passage.FromText(prompts[i])],
                new GenerationOptions { Temperature = 0, MaxNewTokens = limits[i] })[0];
            Assert.Equal(alone.CompletionIds, rows[i].Ids);
            Assert.Equal(alone.Stopped, rows[i].Stopped);
            Assert.True(rows[i].Ids.Count <= limits[i]);
        }
    }

    [Fact]
    public async Task A_streaming_job_hears_every_token_of_its_rows_in_order_within_its_own_limit()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, start: false);
        var streaming = new GenerationJob(Template.Prompt("hi"), 2, 4, new SamplingSettings(0.9, 1.0, null), Template.StopTokenIds) { Tokens = GenerationJob.TokenChannel() };
        var longer = batcher.Submit(Job("a longer prompt", 9, temperature: 0.9));
        var rows = batcher.Submit(streaming);
        batcher.Start();
        var heard = new List<StreamedToken>();
        await foreach (var token in streaming.Tokens.Reader.ReadAllAsync()) heard.Add(token);

        Assert.Equal(1, batcher.Batches);  // decoded together with a job that runs 9 steps
        var result = await rows;
        for (var row = 0; row < 2; row++)
        {
            Assert.Equal(result[row].Ids, heard.Where(t => t.Row == row).Select(t => t.Id));
            Assert.Equal(result[row].LogProbs, heard.Where(t => t.Row == row).Select(t => t.LogProb));
        }
        await longer;
    }

    [Fact]
    public async Task An_idle_decoder_waits_its_window_so_requests_arriving_together_share_one_batch()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, batchWindow: TimeSpan.FromSeconds(2));
        var first = batcher.Submit(Job("hi", 3));
        await Task.Delay(300);  // long enough for a decoder without a window to have started on the first alone
        var second = batcher.Submit(Job("yo", 3));
        await Task.WhenAll(first, second);

        Assert.Equal((1, 2), (batcher.Batches, batcher.LargestBatchRows));
    }

    [Fact]
    public async Task A_full_queue_refuses_with_429_and_the_waiting_jobs_still_finish()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 2, start: false);
        var waiting = new[] { batcher.Submit(Job("a", 2)), batcher.Submit(Job("b", 2)) };
        ApiException? refused = null;
        try
        {
            _ = batcher.Submit(Job("c", 2));
        }
        catch (ApiException error)
        {
            refused = error;
        }
        Assert.NotNull(refused);
        Assert.Equal(429, refused.Status);
        batcher.Start();
        Assert.All(await Task.WhenAll(waiting), rows => Assert.Single(rows));
    }

    [Fact]
    public async Task A_seeded_or_differently_sampled_job_is_not_mixed_into_another_batch()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, start: false);
        var tasks = new[]
        {
            batcher.Submit(Job("a", 3)), batcher.Submit(Job("b", 3, seed: 5)), batcher.Submit(Job("c", 3, temperature: 0.7)),
            batcher.Submit(Job("d", 3)),
        };
        batcher.Start();
        await Task.WhenAll(tasks);
        Assert.Equal(3, batcher.Batches);        // {a, d}, {b}, {c}
        Assert.Equal(2, batcher.LargestBatchRows);
    }
}
