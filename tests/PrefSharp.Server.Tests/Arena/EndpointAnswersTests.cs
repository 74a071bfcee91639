using PrefSharp.Core.Judging;
using PrefSharp.Server.Arena.Content;
using PrefSharp.Tests.Shared;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Tests.Arena;

/// <summary>Answers from OpenAI-compatible endpoints join the arena as models of their own.</summary>
public sealed class EndpointAnswersTests
{
    [Fact]
    public async Task Each_endpoint_answers_every_prompt_once_as_a_model_of_its_own()
    {
        using var server = new LoopbackChatServer((request, _) => (200, "echo: " + request.User));

        var content = await EndpointAnswers.AddAsync(TestArena.SmallContent(), [ArenaEndpoint.Parse($"echo={server.BaseUrl}")], apiKey: null);

        Assert.Equal(["alpha", "beta", "echo", "gamma"], content.Models);
        Assert.All(content.Questions.Values, q => Assert.Equal("echo: " + q.Prompt, q.Answers["echo"]));
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, content.SharedQuestions("echo", "alpha").Count);
    }

    [Fact]
    public async Task A_failing_endpoint_stops_the_start_with_one_line_naming_it()
    {
        using var server = new LoopbackChatServer((_, _) => (400, "{\"error\": {\"message\": \"no such model\"}}"));

        var failure = await Assert.ThrowsAsync<JudgeException>(() =>
            EndpointAnswers.AddAsync(TestArena.SmallContent(), [ArenaEndpoint.Parse($"missing={server.BaseUrl}")], apiKey: null));

        Assert.Contains("(missing): HTTP 400", failure.Message);
        Assert.DoesNotContain('\n', failure.Message);
    }

    [Fact]
    public async Task A_checkpoint_served_in_process_answers_every_prompt_as_a_model_of_its_own()
    {
        var folder = Directory.CreateTempSubdirectory("prefsharp-arena-ckpt-").FullName;
        try
        {
            using (var model = TinyServer.NewPolicy()) Checkpoint.Save(model, folder);
            TokenizerFiles.SaveByteLevel(ByteLevelTokenizer.WithChatMl(), folder);

            var content = await CheckpointAnswers.AddAsync(TestArena.SmallContent(), [$"tiny={folder}"]);

            Assert.Equal(["alpha", "beta", "gamma", "tiny"], content.Models);
            Assert.All(content.Questions.Values, q => Assert.True(q.Answers.ContainsKey("tiny"), q.Prompt));
            Assert.Equal(2, content.SharedQuestions("tiny", "alpha").Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("no-url")]
    [InlineData("=http://127.0.0.1:8000")]
    [InlineData("m=ftp://host")]
    public void A_malformed_endpoint_names_the_option_and_the_expected_form(string spec) =>
        Assert.Contains("--endpoint: ", Assert.Throws<ArgumentException>(() => ArenaEndpoint.Parse(spec)).Message);
}
