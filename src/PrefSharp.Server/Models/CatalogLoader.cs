using PrefSharp.Server.Hosting;
using PrefSharp.Server.Judging;
using PrefSharp.Torch.Checkpoints;
using PrefSharp.Torch.Rewards;
using PrefSharp.Torch.Tokenization;

namespace PrefSharp.Server.Models;

/// <summary>
/// Loads checkpoints given as <c>DIR</c> or <c>NAME=DIR</c> (the name defaults to the folder's name), gym policies of
/// known quality given as <c>[NAME=]gym:WORLD@QUALITY</c> and gym judges given as <c>gym:WORLD</c>.
/// </summary>
public static class CatalogLoader
{
    public static ModelCatalog Load(IEnumerable<string> policies, IEnumerable<string> rewardModels, IEnumerable<string> judges,
        ServeOptions options)
    {
        var catalog = new ModelCatalog();
        try
        {
            foreach (var spec in judges) catalog.Add(GymJudge.Parse(spec));
            foreach (var spec in policies)
            {
                if (GymSpec(spec) is { } gym)
                {
                    catalog.Add(GymPolicy.Parse(gym.Target, gym.Name));
                    continue;
                }
                var (name, directory) = Parse(spec, "--model");
                catalog.Add(new ServedPolicy(name, Checkpoint.Load(directory), TokenizerFiles.Load(directory), options.MaxBatchRows, options.QueueLength));
            }
            foreach (var spec in rewardModels)
            {
                var (name, directory) = Parse(spec, "--reward-model");
                catalog.Add(new ServedRewardModel(name, RewardCheckpoint.Load(directory), TokenizerFiles.Load(directory)));
            }
            return catalog;
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>The name a policy spec (<c>[NAME=]DIR</c> or <c>[NAME=]gym:WORLD@Q</c>) is served under.</summary>
    public static string NameOf(string policySpec) =>
        GymSpec(policySpec) is { } gym ? gym.Name ?? gym.Target : Parse(policySpec, "--model").Name;

    /// <summary>(name, target) of <c>gym:WORLD@Q</c> or <c>NAME=gym:WORLD@Q</c>; null for a checkpoint folder.</summary>
    private static (string? Name, string Target)? GymSpec(string spec)
    {
        var equals = spec.IndexOf('=');
        var target = equals > 0 ? spec[(equals + 1)..] : spec;
        return target.StartsWith("gym:", StringComparison.Ordinal) ? (equals > 0 ? spec[..equals] : null, target) : null;
    }

    /// <summary>(name, directory) of <c>NAME=DIR</c> or <c>DIR</c>; the directory must exist.</summary>
    public static (string Name, string Directory) Parse(string spec, string option)
    {
        var equals = spec.IndexOf('=');
        var directory = equals > 0 ? spec[(equals + 1)..] : spec;
        if (!Directory.Exists(directory)) throw new ArgumentException($"{option}: folder {directory} does not exist", option);
        var name = equals > 0 ? spec[..equals] : new DirectoryInfo(directory).Name;
        return (name, directory);
    }
}
