using PrefSharp.Torch.Batches;

namespace PrefSharp.Torch.Tokenization;

/// <summary>Ids with a scored flag each, built piece by piece by a <see cref="ChatTemplate"/>.</summary>
public sealed class MaskedIds
{
    private readonly List<int> ids = [];
    private readonly List<bool> mask = [];

    /// <summary>The ids so far.</summary>
    public IReadOnlyList<int> Ids => ids;

    /// <summary>Appends <paramref name="pieceIds"/>, all scored or all not.</summary>
    public void Add(IEnumerable<int> pieceIds, bool scored)
    {
        foreach (var id in pieceIds)
        {
            ids.Add(id);
            mask.Add(scored);
        }
    }

    /// <summary>Appends one id.</summary>
    public void Add(int id, bool scored) => Add([id], scored);

    /// <summary>The sequence built.</summary>
    public TokenizedSequence ToSequence() => new(ids.ToArray(), mask.ToArray());
}
