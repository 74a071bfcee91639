namespace PrefSharp.Torch.Runtime;

/// <summary>Whether the libstdc++ compatibility fix was needed, and when it was applied.</summary>
public enum NativeFixState
{
    /// <summary>The system libstdc++ provides every version the shim needs (or this is not Linux).</summary>
    NotNeeded,
    /// <summary>Needed, and found already applied by an earlier run.</summary>
    AlreadyApplied,
    /// <summary>Needed, and applied by this process.</summary>
    AppliedNow,
}
