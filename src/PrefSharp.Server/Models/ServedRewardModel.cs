using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Models;

/// <summary>A reward model behind the scoring endpoints; one forward at a time (<see cref="Lock"/>).</summary>
public sealed class ServedRewardModel(string name, RewardModel model, ITokenizer tokenizer) : IDisposable
{
    public string Name { get; } = name;

    public RewardModel Model { get; } = model;

    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>Longest prompt + response scored, in tokens.</summary>
    public int MaxLength => Model.Config.Backbone.MaxPositions;

    /// <summary>Held while the model runs.</summary>
    public SemaphoreSlim Lock { get; } = new(1, 1);

    public void Dispose()
    {
        Lock.Dispose();
        Model.Dispose();
    }
}
