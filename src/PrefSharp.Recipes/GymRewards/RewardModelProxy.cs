using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;
using PrefSharp.Torch.Batches;

namespace PrefSharp.Recipes.GymRewards;

/// <summary>
/// A trained reward model as a proxy reward other stages call: <see cref="Score"/>(prompt, completion) → the model's
/// reward (normalised with its stored mean and std, so rewards of different models share a scale), and
/// <see cref="ScoreMany"/> for batches. Plain text goes through <see cref="RewardInputs"/> exactly as in training.
/// Load the demo's product with <c>RewardModelProxy.Load(context.Products.RewardModelCheckpoint)</c>; the
/// proxy owns the model (dispose it). Not thread-safe (one libtorch model).
/// </summary>
public sealed class RewardModelProxy(RewardModel model, ITokenizer tokenizer, int maxLength = 256) : IDisposable
{
    /// <summary>The model scored with.</summary>
    public RewardModel Model { get; } = model;

    /// <summary>The tokenizer the model was trained with.</summary>
    public ITokenizer Tokenizer { get; } = tokenizer;

    /// <summary>A reward-model folder (config, weights and tokenizer files, as train-rm and the demo stage write).</summary>
    public static RewardModelProxy Load(string directory, int maxLength = 256) =>
        new(RewardCheckpoint.Load(directory), TokenizerFiles.Load(directory), maxLength);

    /// <summary>The normalised reward of <paramref name="completion"/> as an answer to <paramref name="prompt"/>.</summary>
    public double Score(string prompt, string completion) => ScoreMany([(prompt, completion)])[0];

    /// <summary>Normalised rewards of many (prompt, completion) pairs, in order, 32 sequences per forward pass.</summary>
    public double[] ScoreMany(IReadOnlyList<(string Prompt, string Completion)> items) => RewardScorer.Score(Model,
        items.Select(i => Encode(Tokenizer, i.Prompt, i.Completion, maxLength)).ToList(), 32, normalize: true);

    /// <summary>The sequence a gym reward model reads for a world prompt and response (training and scoring alike).</summary>
    public static TokenizedSequence Encode(ITokenizer tokenizer, string prompt, string response, int maxLength) =>
        RewardInputs.Encode(tokenizer, GymText.Prompt(prompt), GymText.Completion(response), maxLength);

    /// <summary>The proxy as a plain function, for code that takes a <c>Func</c>.</summary>
    public Func<string, string, double> AsFunc() => Score;

    public void Dispose() => Model.Dispose();
}
