using System.CommandLine;
using System.Globalization;

namespace PrefSharp.Cli.Commands;

/// <summary>The <c>--judge-price IN,OUT</c> option: the judge's price in US dollars per million input and output tokens.</summary>
internal static class JudgePriceOption
{
    public static Option<string?> Create() => new("--judge-price")
    {
        Description = "The judge's price in US dollars per million tokens, IN,OUT (e.g. 0.15,0.60); the run's cost is reported",
    };

    /// <summary>(input, output) dollars per million tokens, or null when the option is absent.</summary>
    public static (double Input, double Output)? Parse(string? value)
    {
        if (value is null) return null;
        var parts = value.Split(',');
        if (parts.Length == 2 && Price(parts[0]) is { } input && Price(parts[1]) is { } output) return (input, output);
        throw new ArgumentException($"expected IN,OUT dollars per million tokens, two numbers ≥ 0 such as 0.15,0.60; found \"{value}\"", "--judge-price");
    }

    private static double? Price(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var price) && price >= 0 && double.IsFinite(price) ? price : null;
}
