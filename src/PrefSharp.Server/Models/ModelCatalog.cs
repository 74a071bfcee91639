using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Models;

/// <summary>The models a server answers for, by the name clients send as <c>model</c>.</summary>
public sealed class ModelCatalog : IDisposable
{
    private readonly Dictionary<string, ServedPolicy> policies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServedRewardModel> rewardModels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IScriptedChatModel> scripted = new(StringComparer.Ordinal);

    /// <summary>Every model name: policies, reward models, scripted models (gym judges and policies).</summary>
    public IEnumerable<string> Names => policies.Keys.Concat(rewardModels.Keys).Concat(scripted.Keys);

    public ModelCatalog Add(ServedPolicy policy)
    {
        Reserve(policy.Name);
        policies[policy.Name] = policy;
        return this;
    }

    public ModelCatalog Add(ServedRewardModel model)
    {
        Reserve(model.Name);
        rewardModels[model.Name] = model;
        return this;
    }

    public ModelCatalog Add(IScriptedChatModel model)
    {
        Reserve(model.Name);
        scripted[model.Name] = model;
        return this;
    }

    /// <summary>The scripted model (gym judge or gym policy) called <paramref name="name"/>, or null.</summary>
    public IScriptedChatModel? Scripted(string name) => scripted.GetValueOrDefault(name);

    /// <summary>The policy called <paramref name="name"/>, or 404 naming the models there are.</summary>
    public ServedPolicy Policy(string name) =>
        policies.TryGetValue(name, out var policy) ? policy
        : throw NotFound(name, rewardModels.ContainsKey(name) ? "is a reward model: use /v1/score or /v1/preference"
            : scripted.ContainsKey(name) ? "is a gym model: it answers only /v1/chat/completions" : null);

    /// <summary>The reward model called <paramref name="name"/>, or 404.</summary>
    public ServedRewardModel RewardModel(string name) =>
        rewardModels.TryGetValue(name, out var model) ? model
        : throw NotFound(name, policies.ContainsKey(name) ? "is a language model: use /v1/chat/completions or /v1/completions" : null);

    private ApiException NotFound(string name, string? hint) =>
        new(404, hint is null ? $"model '{name}' does not exist; served: {string.Join(", ", Names)}" : $"model '{name}' {hint}",
            "model", "model_not_found");

    private void Reserve(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("a served model needs a name", nameof(name));
        if (Names.Contains(name)) throw new ArgumentException($"two models are called '{name}'; name them NAME=DIR", nameof(name));
    }

    public void Dispose()
    {
        foreach (var policy in policies.Values) policy.Dispose();
        foreach (var model in rewardModels.Values) model.Dispose();
    }
}
