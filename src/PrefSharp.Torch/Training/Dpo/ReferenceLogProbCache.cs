using System.Security.Cryptography;
using System.Text;
using PrefSharp.Core.Data;
using PrefSharp.Torch.Models;
using PrefSharp.Torch.Batches;
using static TorchSharp.torch;

namespace PrefSharp.Torch.Training.Dpo;

/// <summary>
/// Reference log-probs computed once for a dataset and kept on disk beside it, so that training needs no reference
/// forward pass. The file carries a fingerprint of the dataset and the reference model; <see cref="Load"/> refuses a
/// file whose fingerprint differs (a stale cache). Format: "PSREFLP1", fingerprint, count, then per pair its key and
/// the chosen and rejected log-probs as float64.
/// </summary>
public sealed class ReferenceLogProbCache : IReferenceLogProbs
{
    private const string Magic = "PSREFLP1";
    private readonly Dictionary<string, (double Chosen, double Rejected)> entries;

    private ReferenceLogProbCache(string fingerprint, Dictionary<string, (double, double)> entries)
    {
        Fingerprint = fingerprint;
        this.entries = entries;
    }

    /// <summary>The dataset + model fingerprint this cache was built for.</summary>
    public string Fingerprint { get; }

    /// <summary>Number of cached pairs.</summary>
    public int Count => entries.Count;

    /// <summary>Fingerprint of a dataset (its content hash) and a model (SHA-256 of parameter names and bytes).</summary>
    public static string FingerprintOf(string datasetHash, ICausalLM model)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(datasetHash));
        foreach (var (name, parameter) in model.Module.named_parameters())
        {
            sha.AppendData(Encoding.UTF8.GetBytes(name));
            using var values = parameter.detach().cpu().contiguous();
            sha.AppendData(values.bytes);
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    /// <summary>Runs <paramref name="reference"/> over every batch once and keeps the per-pair log-probs.</summary>
    public static ReferenceLogProbCache Build(IReferenceLogProbs reference, IEnumerable<PairBatch> batches, string fingerprint)
    {
        var entries = new Dictionary<string, (double, double)>();
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            var (chosen, rejected) = reference.Compute(batch);
            var chosenValues = chosen.cpu().to(ScalarType.Float64).data<double>().ToArray();
            var rejectedValues = rejected.cpu().to(ScalarType.Float64).data<double>().ToArray();
            var keys = PairKeys.Of(batch);
            for (var i = 0; i < keys.Length; i++) entries[keys[i]] = (chosenValues[i], rejectedValues[i]);
        }
        return new ReferenceLogProbCache(fingerprint, entries);
    }

    /// <summary>Writes the cache atomically.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Fingerprint);
        writer.Write(entries.Count);
        foreach (var (key, (chosen, rejected)) in entries)
        {
            writer.Write(key);
            writer.Write(chosen);
            writer.Write(rejected);
        }
    });

    /// <summary>Reads a cache, refusing one built for another dataset or model.</summary>
    public static ReferenceLogProbCache Load(string path, string expectedFingerprint)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadString() != Magic) throw new InvalidDataException($"{path}: not a reference log-prob cache");
        var fingerprint = reader.ReadString();
        if (fingerprint != expectedFingerprint)
            throw new InvalidDataException($"{path}: stale reference cache (built for {fingerprint[..12]}…, the dataset and model give {expectedFingerprint[..Math.Min(12, expectedFingerprint.Length)]}…); delete it or rebuild");
        var count = reader.ReadInt32();
        var entries = new Dictionary<string, (double, double)>(count);
        for (var i = 0; i < count; i++) entries[reader.ReadString()] = (reader.ReadDouble(), reader.ReadDouble());
        return new ReferenceLogProbCache(fingerprint, entries);
    }

    public (Tensor Chosen, Tensor Rejected) Compute(PairBatch batch)
    {
        var keys = PairKeys.Of(batch);
        var found = keys.Select(key => entries.TryGetValue(key, out var value) ? value
            : throw new KeyNotFoundException($"pair {key} is not in the reference cache; rebuild it for this dataset")).ToArray();
        var device = batch.Chosen.InputIds.device;
        return (tensor(found.Select(f => f.Chosen).ToArray(), ScalarType.Float32, device),
            tensor(found.Select(f => f.Rejected).ToArray(), ScalarType.Float32, device));
    }
}
