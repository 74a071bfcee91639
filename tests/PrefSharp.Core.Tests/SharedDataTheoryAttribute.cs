namespace PrefSharp.Core.Tests;

/// <summary>A theory that needs <see cref="SharedData"/>: skipped when the data is absent, unless CI=true.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute() => Skip = SharedData.SkipReason;
}
