using System.Globalization;
using System.Net;

namespace PrefSharp.Recipes.Demo.Report;

/// <summary>Small helpers shared by the SVG charts: invariant numbers, escaping, nice axis ticks, a palette.</summary>
internal static class SvgFormat
{
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#17becf"];

    /// <summary>A coordinate with one decimal.</summary>
    public static string C(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A value for a label: 4 significant digits.</summary>
    public static string Label(double value) => Math.Abs(value) < 1e-12 ? "0" : value.ToString("G4", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    /// <summary>About <paramref name="count"/> round tick values (steps of 1, 2 or 5 × 10^k) covering [min, max].</summary>
    public static IReadOnlyList<double> Ticks(double min, double max, int count = 5)
    {
        var raw = (max - min) / Math.Max(count, 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        var ticks = new List<double>();
        for (var tick = Math.Ceiling(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.Add(Math.Round(tick / step) * step);
        return ticks;
    }

    /// <summary>[min, max] of the values padded by 5% (±1 when they are all equal).</summary>
    public static (double Min, double Max) Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return (0, 1);
        double min = finite.Min(), max = finite.Max();
        if (max - min < 1e-12) return (min - 1, max + 1);
        var pad = 0.05 * (max - min);
        return (min - pad, max + pad);
    }
}
