using System.Globalization;

namespace PrefSharp.Cli.Output;

/// <summary>Culture-independent text for tables and reports.</summary>
public static class Formatting
{
    /// <summary>The text with numbers in the invariant culture (a dot for decimals).</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
