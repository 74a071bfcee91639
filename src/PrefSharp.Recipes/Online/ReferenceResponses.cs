using PrefSharp.Torch.Generation;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Training.Grpo;
using static TorchSharp.torch;

namespace PrefSharp.Recipes.Online;

/// <summary>
/// The reference responses of PAR (Fu et al. 2025, §4: the reward of the reference model's response to the same prompt
/// centres the reward) and of the log-sigmoid transform (Wang et al. 2024, §3: r_ref(x) from the base policy): M samples
/// of the frozen reference policy per prompt, drawn once with a generator seeded by (seed, prompt index) and cached, so
/// every step of a run, and a resumed run, compares against the same responses.
/// </summary>
public sealed class ReferenceResponses(ICausalLM reference, IReadOnlyList<GrpoPrompt> prompts, int samples, GenerationOptions generation,
    Func<IReadOnlyList<long>, string> decode)
{
    private readonly Dictionary<string, IReadOnlyList<string>> cache = [];
    private readonly Dictionary<string, int> index = prompts.Select((p, i) => (p.Text, i)).DistinctBy(p => p.Text).ToDictionary(p => p.Text, p => p.i);

    /// <summary>The M responses to <paramref name="prompt"/> (one of the run's prompts).</summary>
    public IReadOnlyList<string> For(string prompt)
    {
        if (cache.TryGetValue(prompt, out var cached)) return cached;
        if (!index.TryGetValue(prompt, out var i)) throw new ArgumentException($"no reference responses for a prompt outside the run: \"{prompt}\"", nameof(prompt));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        reference.Module.eval();
        using var rollout = GrpoRollout.Generate(reference, [prompts[i].Ids], samples, generation with { Seed = generation.Seed * 1_000_003L + i });
        return cache[prompt] = rollout.Completions.Select(decode).ToList();
    }
}
