using System.Text;
using static PrefSharp.Recipes.Demo.Report.SvgFormat;

namespace PrefSharp.Recipes.Demo.Report;

/// <summary>
/// Draws a <see cref="DemoChart"/> as a self-contained inline SVG line chart: axes with round ticks, one polyline
/// plus point markers (with tooltips) per series, a legend above the data (the y range gets headroom for it), the title and axis labels.
/// </summary>
public static class SvgLineChart
{
    private const double Left = 64, Right = 16, Top = 34, Bottom = 46;

    public static string Render(DemoChart chart, int width = 620, int height = 340)
    {
        var series = chart.Series.Where(s => s.X.Count > 0).ToList();
        var (xMin, xMax) = Range(series.SelectMany(s => s.X));
        var (yMin, yMax) = Range(series.SelectMany(s => s.Y));
        double plotWidth = width - Left - Right, plotHeight = height - Top - Bottom;
        // headroom for the legend (top left, 16 px a series) so that it never hides a point
        var legendShare = Math.Min(0.5, (8 + 16.0 * series.Count) / plotHeight);
        yMax += (yMax - yMin) * legendShare / (1 - legendShare);
        double X(double x) => Left + (x - xMin) / (xMax - xMin) * plotWidth;
        double Y(double y) => Top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight;

        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Escape(chart.Title)}\">\n");
        svg.Append($"<text x=\"{C(width / 2.0)}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">{Escape(chart.Title)}</text>\n");
        foreach (var tick in Ticks(yMin, yMax))
        {
            svg.Append($"<line x1=\"{C(Left)}\" x2=\"{C(width - Right)}\" y1=\"{C(Y(tick))}\" y2=\"{C(Y(tick))}\" stroke=\"#e3e3e3\"/>");
            svg.Append($"<text x=\"{C(Left - 6)}\" y=\"{C(Y(tick) + 4)}\" text-anchor=\"end\" font-size=\"11\">{Label(tick)}</text>\n");
        }
        foreach (var tick in Ticks(xMin, xMax))
        {
            svg.Append($"<line x1=\"{C(X(tick))}\" x2=\"{C(X(tick))}\" y1=\"{C(Top)}\" y2=\"{C(height - Bottom)}\" stroke=\"#f0f0f0\"/>");
            svg.Append($"<text x=\"{C(X(tick))}\" y=\"{C(height - Bottom + 16)}\" text-anchor=\"middle\" font-size=\"11\">{Label(tick)}</text>\n");
        }
        svg.Append($"<rect x=\"{C(Left)}\" y=\"{C(Top)}\" width=\"{C(plotWidth)}\" height=\"{C(plotHeight)}\" fill=\"none\" stroke=\"#888\"/>\n");
        svg.Append($"<text x=\"{C(Left + plotWidth / 2)}\" y=\"{C(height - 8)}\" text-anchor=\"middle\" font-size=\"12\">{Escape(chart.XLabel)}</text>\n");
        svg.Append($"<text transform=\"translate(14 {C(Top + plotHeight / 2)}) rotate(-90)\" text-anchor=\"middle\" font-size=\"12\">{Escape(chart.YLabel)}</text>\n");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var line = series[s];
            var points = Enumerable.Range(0, Math.Min(line.X.Count, line.Y.Count)).Where(i => double.IsFinite(line.Y[i])).ToList();
            svg.Append($"<polyline class=\"series\" data-series=\"{Escape(line.Name)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"");
            svg.Append(string.Join(' ', points.Select(i => $"{C(X(line.X[i]))},{C(Y(line.Y[i]))}")));
            svg.Append("\"/>\n");
            if (points.Count <= 60)
                foreach (var i in points)
                    svg.Append($"<circle cx=\"{C(X(line.X[i]))}\" cy=\"{C(Y(line.Y[i]))}\" r=\"3\" fill=\"{colour}\"><title>{Escape(line.Name)}: ({Label(line.X[i])}, {Label(line.Y[i])})</title></circle>");
            var legendY = Top + 14 + 16 * s;
            svg.Append($"\n<line x1=\"{C(Left + 10)}\" x2=\"{C(Left + 30)}\" y1=\"{C(legendY - 4)}\" y2=\"{C(legendY - 4)}\" stroke=\"{colour}\" stroke-width=\"3\"/>");
            svg.Append($"<text x=\"{C(Left + 36)}\" y=\"{C(legendY)}\" font-size=\"12\">{Escape(line.Name)}</text>\n");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
