namespace PrefSharp.Core.Tests;

/// <summary>A fact that needs <see cref="SharedData"/>: skipped when the data is absent, unless CI=true.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute() => Skip = SharedData.SkipReason;
}
