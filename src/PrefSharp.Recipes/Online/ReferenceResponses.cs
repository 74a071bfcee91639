using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// The reference responses of PAR (Fu et al. 2025, §4: the reward of the reference model's response to the same prompt
/// centres the reward) and of the log-sigmoid transform (Wang et al. 2024, §3: r_ref(x) from the base policy): M samples
/// of the frozen reference policy per prompt, drawn once with a generator seeded by the run's seed and the prompt text
/// and cached, so every step of a run, and a resumed run, compares against the same responses.
/// </summary>
/// <param name="encodePrompt">Prompt text → the token ids the policy is prompted with.</param>
/// <param name="decode">Completion ids → the text the reward sees.</param>
public sealed class ReferenceResponses(ICausalLM reference, Func<string, IReadOnlyList<long>> encodePrompt, int samples, GenerationOptions generation,
    Func<IReadOnlyList<long>, string> decode)
{
    private readonly Dictionary<string, IReadOnlyList<string>> cache = [];

    /// <summary>The M responses to <paramref name="prompt"/>.</summary>
    public IReadOnlyList<string> For(string prompt)
    {
        if (cache.TryGetValue(prompt, out var cached)) return cached;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        reference.Module.eval();
        using var rollout = GrpoRollout.Generate(reference, [encodePrompt(prompt)], samples, generation with { Seed = generation.Seed * 1_000_003L + StableHash(prompt) });
        return cache[prompt] = rollout.Completions.Select(decode).ToList();
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same on every run and machine (string.GetHashCode is randomised per process).</summary>
    private static long StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = unchecked((hash ^ c) * 16777619u);
        return hash;
    }
}
