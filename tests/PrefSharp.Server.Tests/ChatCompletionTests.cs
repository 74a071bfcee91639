using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Tests;

/// <summary>/v1/chat/completions against OpenAI's documented response and chunk shapes, and against `prefsharp generate`.</summary>
public sealed class ChatCompletionTests
{
    private static JsonObject Request(int seed, bool stream = false) => new()
    {
        ["model"] = "tiny", ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "hi" }),
        ["seed"] = seed, ["max_tokens"] = 12, ["temperature"] = 0.8, ["stream"] = stream,
        ["stream_options"] = new JsonObject { ["include_usage"] = true },
    };

    /// <summary>What `prefsharp generate --chat --prompt hi --seed S --temperature 0.8 --max-new-tokens 12` computes.</summary>
    private static TextCompletion Generate(TinyServer server, int seed) =>
        TextGenerator.Generate(server.Policy.Model, ChatTemplate.For(server.Tokenizer), [Passage.FromText("hi")],
            new GenerationOptions { MaxNewTokens = 12, Temperature = 0.8, Seed = seed }, batchSize: 8)[0];

    [Fact]
    public async Task A_seeded_chat_completion_has_the_official_shape_and_the_text_generate_gives()
    {
        await using var server = await TinyServer.StartAsync();
        var answer = await server.Ok("v1/chat/completions", Request(7));
        var expected = Generate(server, 7);

        Assert.StartsWith("chatcmpl-", answer["id"]!.GetValue<string>());
        Assert.Equal("chat.completion", answer["object"]!.GetValue<string>());
        Assert.Equal("tiny", answer["model"]!.GetValue<string>());
        Assert.True(answer["created"]!.GetValue<long>() > 1_600_000_000);
        var choice = Assert.Single(answer["choices"]!.AsArray())!;
        Assert.Equal(0, choice["index"]!.GetValue<int>());
        Assert.Equal("assistant", choice["message"]!["role"]!.GetValue<string>());
        Assert.Equal(expected.Text, choice["message"]!["content"]!.GetValue<string>());
        Assert.Equal(expected.Stopped ? "stop" : "length", choice["finish_reason"]!.GetValue<string>());
        Assert.Null(choice["logprobs"]);
        Assert.Equal(expected.PromptIds.Count, answer["usage"]!["prompt_tokens"]!.GetValue<int>());
        Assert.Equal(expected.CompletionIds.Count, answer["usage"]!["completion_tokens"]!.GetValue<int>());
        Assert.Equal(expected.PromptIds.Count + expected.CompletionIds.Count, answer["usage"]!["total_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Streaming_sends_chunks_that_add_up_to_the_same_text_then_usage_then_done()
    {
        await using var server = await TinyServer.StartAsync();
        using var response = await server.Post("v1/chat/completions", Request(7, stream: true));
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.StartsWith("data: ", line));
        Assert.Equal("data: [DONE]", lines[^1]);
        var chunks = lines[..^1].Select(line => JsonNode.Parse(line["data: ".Length..])!).ToList();
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", chunk["object"]!.GetValue<string>()));
        Assert.Single(chunks.Select(c => c["id"]!.GetValue<string>()).Distinct());

        var choices = chunks.Where(c => c["choices"]!.AsArray().Count == 1).Select(c => c["choices"]![0]!).ToList();
        Assert.Equal("assistant", choices[0]["delta"]!["role"]!.GetValue<string>());
        var text = string.Concat(choices.Select(c => c["delta"]!["content"]?.GetValue<string>() ?? ""));
        var expected = Generate(server, 7);
        Assert.Equal(expected.Text, text);
        Assert.Equal(expected.Stopped ? "stop" : "length", choices[^1]["finish_reason"]!.GetValue<string>());
        Assert.All(choices[..^1], c => Assert.Null(c["finish_reason"]));
        var usage = chunks[^1];
        Assert.Empty(usage["choices"]!.AsArray());
        Assert.Equal(expected.CompletionIds.Count, usage["usage"]!["completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task N_choices_with_logprobs_give_one_finite_log_probability_per_token()
    {
        await using var server = await TinyServer.StartAsync();
        var request = Request(3);
        request["n"] = 3;
        request["logprobs"] = true;
        var answer = await server.Ok("v1/chat/completions", request);
        var choices = answer["choices"]!.AsArray();
        Assert.Equal([0, 1, 2], choices.Select(c => c!["index"]!.GetValue<int>()));
        var tokens = 0;
        foreach (var choice in choices)
        {
            var content = choice!["logprobs"]!["content"]!.AsArray();
            Assert.NotEmpty(content);
            Assert.All(content, t => Assert.InRange(t!["logprob"]!.GetValue<double>(), double.MinValue, 0));
            tokens += content.Count;
        }
        Assert.Equal(tokens, answer["usage"]!["completion_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_stop_string_cuts_the_text_before_it_and_finishes_with_stop()
    {
        await using var server = await TinyServer.StartAsync();
        var greedy = Request(1);
        greedy["temperature"] = 0;
        var full = (await server.Ok("v1/chat/completions", greedy))["choices"]![0]!["message"]!["content"]!.GetValue<string>();
        Assert.True(full.Length >= 3, $"the greedy text is too short to test a stop string: \"{full}\"");
        var stop = full.Substring(2, 1);
        greedy["stop"] = new JsonArray(stop);
        var choice = (await server.Ok("v1/chat/completions", greedy))["choices"]![0]!;
        Assert.Equal(full[..full.IndexOf(stop, StringComparison.Ordinal)], choice["message"]!["content"]!.GetValue<string>());
        Assert.Equal("stop", choice["finish_reason"]!.GetValue<string>());
    }
}
