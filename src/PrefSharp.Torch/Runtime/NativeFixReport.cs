namespace PrefSharp.Torch.Runtime;

/// <summary>What <see cref="TorchRuntime.EnsureInitialized"/> found and did.</summary>
/// <param name="LibStdCxxPath">The libstdc++ this process uses, when found.</param>
/// <param name="ShimPaths">Every copy of libLibTorchSharp.so examined.</param>
/// <param name="State">Whether the fix was needed and when it was applied.</param>
/// <param name="WeakenedVersions">The version requirements that are weak because the system lacks them.</param>
public sealed record NativeFixReport(
    string? LibStdCxxPath,
    IReadOnlyList<string> ShimPaths,
    NativeFixState State,
    IReadOnlyList<string> WeakenedVersions)
{
    /// <summary>One line for humans, e.g. "applied now: GLIBCXX_3.4.32 marked weak".</summary>
    public string Describe() => State switch
    {
        NativeFixState.NotNeeded => "not needed (system libstdc++ has every version libLibTorchSharp needs)",
        NativeFixState.AlreadyApplied => $"applied earlier ({string.Join(", ", WeakenedVersions)} marked weak)",
        _ => $"applied now ({string.Join(", ", WeakenedVersions)} marked weak)",
    };
}
