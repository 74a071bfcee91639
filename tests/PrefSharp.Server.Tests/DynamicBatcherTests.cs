using PrefSharp.Core.Data;
using PrefSharp.Server.Batching;
using PrefSharp.Server.OpenAi;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Tests;

/// <summary>
/// Continuous batching: requests waiting together join in one prefill, finished rows leave at once and waiting requests take
/// their place mid-flight, seeded requests draw the same tokens in any company, the queue is bounded, cancelled requests leave.
/// </summary>
public sealed class DynamicBatcherTests
{
    private static readonly ByteLevelTokenizer Tokenizer = ByteLevelTokenizer.WithChatMl();
    private static readonly ChatTemplate Template = ChatTemplate.For(Tokenizer);

    private static GenerationJob Job(string prompt, int maxTokens, double temperature = 0, long? seed = null, IReadOnlyList<int>? stopIds = null) =>
        new(Template.Prompt(prompt), 1, maxTokens, new SamplingSettings(temperature, 1.0, seed), stopIds ?? Template.StopTokenIds);

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

        Assert.Equal(1, batcher.Prefills);
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

        Assert.Equal(1, batcher.Prefills);  // joined together with a job that runs 9 steps
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

        Assert.Equal((1, 2), (batcher.Prefills, batcher.LargestBatchRows));
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
    public async Task A_finished_row_leaves_at_once_and_a_waiting_job_takes_its_place_in_the_running_batch()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 2, queueLength: 8, start: false);
        var (shortJob, longJob, waitingJob) = (Job("hi", 2, stopIds: []), Job("a longer prompt", 8, stopIds: []), Job("xyz", 3, stopIds: []));
        var (first, second, third) = (batcher.Submit(shortJob), batcher.Submit(longJob), batcher.Submit(waitingJob));
        batcher.Step();                                        // short and long join (the batch holds 2 rows); xyz waits
        Assert.Equal((1, 2), (batcher.Prefills, batcher.RunningRows));
        batcher.Step();                                        // short's second token: it is done and leaves
        Assert.True(first.IsCompletedSuccessfully);
        Assert.Equal(1, batcher.RunningRows);
        batcher.Step();                                        // xyz joins the long row mid-flight
        Assert.Equal((2, 2), (batcher.Prefills, batcher.RunningRows));
        while (!second.IsCompleted || !third.IsCompleted) batcher.Step();

        Assert.Equal(2, batcher.LargestBatchRows);
        Assert.Equal([2, 8, 3], (await Task.WhenAll(first, second, third)).Select(rows => Assert.Single(rows).Ids.Count));
        Assert.Equal(0, batcher.RunningRows);
    }

    [Fact]
    public void A_seeded_job_draws_the_same_tokens_alone_and_joining_a_differently_sampled_batch_mid_flight()
    {
        using var model = TinyServer.NewPolicy();
        IReadOnlyList<GeneratedRow> Run(DynamicBatcher batcher, Task<IReadOnlyList<GeneratedRow>> task)
        {
            while (!task.IsCompleted) batcher.Step();
            return task.Result;
        }
        using var alone = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, start: false);
        var expected = Assert.Single(Run(alone, alone.Submit(Job("hi", 10, temperature: 0.9, seed: 11, stopIds: []))));

        using var shared = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, start: false);
        var others = shared.Submit(new GenerationJob(Template.Prompt("a longer prompt"), 2, 20, new SamplingSettings(0.7, 0.95, 3), []));
        for (var step = 0; step < 3; step++) shared.Step();
        var joined = Assert.Single(Run(shared, shared.Submit(Job("hi", 10, temperature: 0.9, seed: 11, stopIds: []))));
        Run(shared, others);

        Assert.Equal((2, 3), (shared.Prefills, shared.LargestBatchRows));  // it joined two running rows
        Assert.Equal(expected.Ids, joined.Ids);
        Assert.Equal(10, joined.Ids.Count);
    }

    [Fact]
    public async Task A_cancelled_job_leaves_the_running_batch_and_the_others_go_on()
    {
        using var model = TinyServer.NewPolicy();
        using var batcher = new DynamicBatcher(model, Tokenizer, maxBatchRows: 8, queueLength: 8, start: false);
        using var disconnect = new CancellationTokenSource();
        var streaming = new GenerationJob(Template.Prompt("hi"), 2, 20, new SamplingSettings(0, 1, null), [])
        {
            Tokens = GenerationJob.TokenChannel(), Cancellation = disconnect.Token,
        };
        var (gone, staying) = (batcher.Submit(streaming), batcher.Submit(Job("yo", 6, stopIds: [])));
        batcher.Step();
        Assert.Equal(3, batcher.RunningRows);
        disconnect.Cancel();
        batcher.Step();

        Assert.Equal(1, batcher.RunningRows);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        while (streaming.Tokens.Reader.TryRead(out _)) { }
        Assert.True(streaming.Tokens.Reader.Completion.IsCompleted);  // the stream ends once its tokens are read
        while (!staying.IsCompleted) batcher.Step();
        Assert.Equal(6, Assert.Single(await staying).Ids.Count);
    }
}
