using System.Text.Json.Nodes;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Tests;

/// <summary>/v1/completions and /v1/models.</summary>
public sealed class CompletionTests
{
    [Fact]
    public async Task A_seeded_text_completion_matches_generate_without_chat_and_reports_token_logprobs()
    {
        await using var server = await TinyServer.StartAsync();
        var answer = await server.Ok("v1/completions", new JsonObject
        {
            ["model"] = "tiny", ["prompt"] = "hello", ["seed"] = 3, ["max_tokens"] = 10, ["logprobs"] = 0,
        });
        // `prefsharp generate --prompt hello --seed 3 --max-new-tokens 10` (no --chat: the plain template).
        var expected = TextGenerator.Generate(server.Policy.Model, ChatTemplate.For(server.Tokenizer, ChatTemplateKind.Plain),
            [Passage.FromText("hello")], new GenerationOptions { MaxNewTokens = 10, Seed = 3 })[0];

        Assert.StartsWith("cmpl-", answer["id"]!.GetValue<string>());
        Assert.Equal("text_completion", answer["object"]!.GetValue<string>());
        var choice = Assert.Single(answer["choices"]!.AsArray())!;
        Assert.Equal(expected.Text, choice["text"]!.GetValue<string>());
        var logprobs = choice["logprobs"]!;
        Assert.Equal(expected.CompletionIds.Count, logprobs["tokens"]!.AsArray().Count);
        Assert.Equal(expected.CompletionIds.Count, logprobs["token_logprobs"]!.AsArray().Count);
        Assert.All(logprobs["token_logprobs"]!.AsArray(), p => Assert.True(p!.GetValue<double>() <= 0));
        Assert.Equal(0, logprobs["text_offset"]![0]!.GetValue<int>());
        Assert.Equal(expected.PromptIds.Count, answer["usage"]!["prompt_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Several_prompts_with_n_give_prompt_major_choices_and_the_default_limit_of_16_tokens()
    {
        await using var server = await TinyServer.StartAsync();
        var answer = await server.Ok("v1/completions", new JsonObject
        {
            ["model"] = "tiny", ["prompt"] = new JsonArray("a", "bc"), ["n"] = 2, ["stop"] = null,
        });
        var choices = answer["choices"]!.AsArray();
        Assert.Equal([0, 1, 2, 3], choices.Select(c => c!["index"]!.GetValue<int>()));
        Assert.InRange(answer["usage"]!["completion_tokens"]!.GetValue<int>(), 4, 4 * 16);
        var promptTokens = server.Policy.Plain.Prompt("a").Count + server.Policy.Plain.Prompt("bc").Count;
        Assert.Equal(promptTokens, answer["usage"]!["prompt_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Models_lists_every_served_model()
    {
        await using var server = await TinyServer.StartAsync();
        var models = await server.Get("v1/models");
        Assert.Equal("list", models["object"]!.GetValue<string>());
        Assert.Equal(["tiny", "rm", "gpm"], models["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        Assert.All(models["data"]!.AsArray(), m => Assert.Equal("model", m!["object"]!.GetValue<string>()));
    }
}
