using System.Globalization;
using System.Text.Json;
using PrefSharp.Torch.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Rewards.Pluralistic;

/// <summary>
/// The per-user part of a pluralistic reward model: one row of K mixture logits ℓ_u per known user (an annotator id
/// seen in training), and the population part of the mixture: PAL's K prototype ideal points P (K, D), or MiCRo's
/// router W (K, d) over the prompt's hidden state. An unknown user has ℓ = 0 (PAL: the uniform mixture; MiCRo: the
/// router alone). Saved beside the reward model in <see cref="FileName"/>.
/// </summary>
public sealed class PluralisticHead : nn.Module
{
    private readonly Dictionary<string, int> _userIndex;
    private readonly TorchSharp.Modules.Parameter _userLogits;
    private readonly TorchSharp.Modules.Parameter _mixture;

    /// <summary>
    /// A fresh head: ℓ = <see cref="UserLogitScale"/>·θ with user u starting at ℓ_u = 2·e_(u mod K) (users dealt out over
    /// the components, w ≈ 0.88 on theirs for K = 2), P ~ N(0, 1), W ~ N(0, 0.02²).
    /// </summary>
    /// <remarks>
    /// Both choices keep PAL out of a saddle: two users with opposite tastes who start near the same mixture (ℓ ~ N(0, 1)
    /// put both near one prototype on the two-user test) barely move while the backbone collapses their completions'
    /// embeddings onto one point, where the users' gradients vanish (measured: every logit within ±0.02 after 60 steps
    /// at 3e-3). Dealt-out starts separate the ideal points from step 0, and the scale lets each user's K numbers move
    /// <see cref="UserLogitScale"/> times as fast as the network under the shared learning rate.
    /// </remarks>
    /// <param name="width">D: the reward model's num_labels (PAL's embedding width; MiCRo's K).</param>
    /// <param name="hiddenSize">d: the backbone width (MiCRo's router input).</param>
    public PluralisticHead(PluralisticKind kind, int prototypes, int width, int hiddenSize, IReadOnlyList<string> users) : base(nameof(PluralisticHead))
    {
        if (prototypes < 2) throw new ArgumentException($"--prototypes must be ≥ 2 (K mixture components), found {prototypes}", nameof(prototypes));
        if (kind == PluralisticKind.Micro && width != prototypes)
            throw new ArgumentException($"a MiCRo head has one reward per component: num_labels {width} must equal K = {prototypes}", nameof(width));
        (Kind, Prototypes, Users) = (kind, prototypes, users);
        _userIndex = users.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        if (_userIndex.Count != users.Count) throw new ArgumentException("user ids must be distinct", nameof(users));
        using var noGrad = no_grad();
        var start = zeros(Math.Max(users.Count, 1), prototypes);
        for (var u = 0; u < users.Count; u++) start[u, u % prototypes] = tensor(2 / UserLogitScale);
        _userLogits = new TorchSharp.Modules.Parameter(start);
        _mixture = new TorchSharp.Modules.Parameter(kind == PluralisticKind.Pal ? randn(prototypes, width) : randn(prototypes, hiddenSize).mul_(0.02));
        register_parameter("user_logits", _userLogits);
        register_parameter(kind == PluralisticKind.Pal ? "prototypes" : "router", _mixture);
    }

    /// <summary>ℓ_u = scale·θ_u: the per-user parameters' pace relative to the network's.</summary>
    public const double UserLogitScale = 10;

    /// <summary>PAL or MiCRo.</summary>
    public PluralisticKind Kind { get; }

    /// <summary>K, the mixture components.</summary>
    public int Prototypes { get; }

    /// <summary>The known users (annotator ids) in row order of ℓ.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>Row of a known user, −1 for an unknown one (or none).</summary>
    public int UserIndex(string? user) => user is not null && _userIndex.TryGetValue(user, out var i) ? i : -1;

    /// <summary>ℓ_u (B, K) of user rows (B, int64; −1 gives zeros).</summary>
    public Tensor UserLogits(Tensor users)
    {
        using var scope = NewDisposeScope();
        var index = users.to(_userLogits.device);
        var known = index.ge(0);
        var rows = _userLogits.index_select(0, index.clamp_min(0)).mul(UserLogitScale);   // (B, K)
        return where(known.unsqueeze(1), rows, zeros_like(rows)).MoveToOuterDisposeScope();
    }

    /// <summary>PAL's prototypes P (K, D) or MiCRo's router W (K, d).</summary>
    public Tensor Mixture => _mixture;

    /// <summary>The file inside a model folder that holds the head.</summary>
    public const string FileName = "pluralistic.safetensors";

    /// <summary>Writes ℓ and P or W with the kind, K and the user ids in the metadata.</summary>
    public void Save(string directory) => SafeTensorsWriter.Write(Path.Combine(directory, FileName),
        [("user_logits", _userLogits), (Kind == PluralisticKind.Pal ? "prototypes" : "router", _mixture)],
        new Dictionary<string, string>
        {
            ["kind"] = Kind.ToString().ToLowerInvariant(),
            ["prototypes"] = Prototypes.ToString(CultureInfo.InvariantCulture),
            ["users"] = JsonSerializer.Serialize(Users),
        });

    /// <summary>Reads a head written by <see cref="Save"/> for a reward model of num_labels <paramref name="width"/> and backbone width <paramref name="hiddenSize"/>.</summary>
    public static PluralisticHead Load(string directory, int width, int hiddenSize)
    {
        var path = Path.Combine(directory, FileName);
        var file = SafeTensorsFile.Open(path);
        string Meta(string key) => file.Metadata.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"{path}: metadata has no '{key}'");
        var kind = Meta("kind") switch
        {
            "pal" => PluralisticKind.Pal,
            "micro" => PluralisticKind.Micro,
            var other => throw new InvalidDataException($"{path}: kind: \"{other}\"; expected pal or micro"),
        };
        var users = JsonSerializer.Deserialize<string[]>(Meta("users")) ?? throw new InvalidDataException($"{path}: users: null; expected a JSON array of ids");
        var head = new PluralisticHead(kind, int.Parse(Meta("prototypes"), CultureInfo.InvariantCulture), width, hiddenSize, users);
        foreach (var (name, parameter) in head.named_parameters())
        {
            if (!file.ByName.TryGetValue(name, out var entry)) throw new InvalidDataException($"{path}: no tensor named '{name}'");
            file.ReadInto(entry, parameter);
        }
        return head;
    }
}
