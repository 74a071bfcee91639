using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PrefSharp.Server.Hosting;
using PrefSharp.Server.Models;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using static TorchSharp.torch;

namespace PrefSharp.Server.Tests;

/// <summary>
/// A server on a free loopback port with a tiny random GPT-2 policy "tiny" (byte-level ChatML tokenizer, context 128),
/// a Bradley–Terry reward model "rm" and a General Preference Model "gpm" on the same backbone shape.
/// </summary>
public sealed class TinyServer : IAsyncDisposable
{
    public const string BackboneConfig = """
        {"model_type": "gpt2", "vocab_size": 259, "n_embd": 32, "n_layer": 2, "n_head": 4, "n_positions": 128,
         "layer_norm_epsilon": 1e-5, "initializer_range": 0.2, "eos_token_id": 256}
        """;

    private TinyServer(ModelServer server, ServedPolicy policy, RewardModel reward, RewardModel gpm, ITokenizer tokenizer) =>
        (Server, Policy, Reward, Gpm, Tokenizer) = (server, policy, reward, gpm, tokenizer);

    public ModelServer Server { get; }
    public ServedPolicy Policy { get; }
    public RewardModel Reward { get; }
    public RewardModel Gpm { get; }
    public ITokenizer Tokenizer { get; }
    public HttpClient Http { get; } = new();

    public static ICausalLM NewPolicy()
    {
        manual_seed(4);
        return CausalLM.Create(ModelConfigJson.Parse(BackboneConfig));
    }

    public static async Task<TinyServer> StartAsync(ServeOptions? options = null)
    {
        options ??= new ServeOptions { Port = 0, MaxBodyBytes = 8192 };
        var tokenizer = ByteLevelTokenizer.WithChatMl();
        var policy = new ServedPolicy("tiny", NewPolicy(), tokenizer, options.MaxBatchRows, options.QueueLength);
        manual_seed(5);
        var reward = new RewardModel(new RewardModelConfig { Backbone = ModelConfigJson.Parse(BackboneConfig) });
        var gpm = new RewardModel(new RewardModelConfig
        {
            Backbone = ModelConfigJson.Parse(BackboneConfig), NumLabels = 4, GeneralPreference = new GeneralPreferenceConfig { Beta = 0.5 },
        });
        var catalog = new ModelCatalog().Add(policy)
            .Add(new ServedRewardModel("rm", reward, tokenizer)).Add(new ServedRewardModel("gpm", gpm, tokenizer));
        return new TinyServer(await ModelServer.StartAsync(options, catalog), policy, reward, gpm, tokenizer);
    }

    /// <summary>POSTs <paramref name="body"/> (raw text) to <paramref name="path"/>.</summary>
    public Task<HttpResponseMessage> Post(string path, string body) =>
        Http.PostAsync(new Uri(Server.BaseUrl, path), new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> Post(string path, JsonObject body) => Post(path, body.ToJsonString());

    /// <summary>POSTs and reads a 200 answer as JSON.</summary>
    public async Task<JsonNode> Ok(string path, JsonObject body)
    {
        using var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> Get(string path) => (await Http.GetFromJsonAsync<JsonNode>(new Uri(Server.BaseUrl, path)))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
