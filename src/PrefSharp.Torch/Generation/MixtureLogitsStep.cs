using static TorchSharp.torch;

namespace PrefSharp.Torch.Generation;

/// <summary>
/// Next-token scores of the geometric mixture π^(1−β)·π_ref^β (<see cref="GeometricMixture"/>): both models step on
/// the same tokens, each with its own cache, and their next-token log-probabilities are mixed.
/// </summary>
internal sealed class MixtureLogitsStep(ModelLogitsStep policy, ModelLogitsStep reference, double coefficient) : ILogitsStep
{
    public bool Cached => policy.Cached;

    public Tensor Next(GenerationBuffers buffers, long done) =>
        GeometricMixture.LogProbs(policy.Next(buffers, done), reference.Next(buffers, done), coefficient);   // (B, V)

    public void Dispose()
    {
        policy.Dispose();
        reference.Dispose();
    }
}
