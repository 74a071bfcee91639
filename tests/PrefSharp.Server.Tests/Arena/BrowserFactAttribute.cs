namespace PrefSharp.Server.Tests.Arena;

/// <summary>A fact that drives Chromium: skipped when it is missing, unless CI=true.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Browser.SkipReason;
}
