namespace PrefSharp.Torch.Tests.Tokenization.Parity;

/// <summary>A theory that needs <see cref="ParityReference"/>: skipped when node or the packages are absent, unless CI=true.</summary>
public sealed class ParityTheoryAttribute : TheoryAttribute
{
    public ParityTheoryAttribute() => Skip = ParityReference.SkipReason;
}
