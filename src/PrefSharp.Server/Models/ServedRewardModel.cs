using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Models;

/// <summary>A reward model behind the scoring endpoints; one forward at a time (<see cref="RunAsync{T}"/>).</summary>
public sealed class ServedRewardModel(string name, RewardModel model, ITokenizer tokenizer) : IDisposable
{
    public string Name { get; } = name;

    public RewardModel Model { get; } = model;

    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>Longest prompt + response scored, in tokens.</summary>
    public int MaxLength => Model.Config.Backbone.MaxPositions;

    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>Runs <paramref name="work"/> on the model once no other request is using it.</summary>
    public async Task<T> RunAsync<T>(Func<RewardModel, T> work, CancellationToken cancellation)
    {
        await gate.WaitAsync(cancellation);
        try
        {
            return work(Model);
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose()
    {
        gate.Dispose();
        Model.Dispose();
    }
}
