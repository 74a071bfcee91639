using System.Text;
using PrefSharp.Core.Ranking;
using static PrefSharp.Recipes.Demo.Report.SvgFormat;

namespace PrefSharp.Recipes.Demo.Report;

/// <summary>A leaderboard as an inline SVG forest plot: one row per item, its rating as a dot, its interval as a whisker.</summary>
public static class SvgIntervalChart
{
    private const double Left = 130, Right = 24, Top = 30, RowHeight = 24, Bottom = 40;

    public static string Render(IReadOnlyList<LeaderboardItem> items, string scale, int width = 620)
    {
        var height = (int)(Top + RowHeight * Math.Max(items.Count, 1) + Bottom);
        var (min, max) = Range(items.SelectMany(i => new[] { i.Rating, i.RatingLo ?? i.Rating, i.RatingHi ?? i.Rating }));
        double plotWidth = width - Left - Right;
        double X(double rating) => Left + (rating - min) / (max - min) * plotWidth;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"chart intervals\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"leaderboard intervals\">\n");
        svg.Append($"<text x=\"{C(width / 2.0)}\" y=\"18\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">Ratings with intervals ({Escape(scale)} scale)</text>\n");
        var bottom = height - Bottom;
        foreach (var tick in Ticks(min, max))
        {
            svg.Append($"<line x1=\"{C(X(tick))}\" x2=\"{C(X(tick))}\" y1=\"{C(Top)}\" y2=\"{C(bottom)}\" stroke=\"#eee\"/>");
            svg.Append($"<text x=\"{C(X(tick))}\" y=\"{C(bottom + 16)}\" text-anchor=\"middle\" font-size=\"11\">{Label(tick)}</text>\n");
        }
        for (var r = 0; r < items.Count; r++)
        {
            var item = items[r];
            var y = Top + RowHeight * (r + 0.5);
            svg.Append($"<text x=\"{C(Left - 8)}\" y=\"{C(y + 4)}\" text-anchor=\"end\" font-size=\"12\">{Escape(item.Name)}</text>");
            if (item.RatingLo is { } lo && item.RatingHi is { } hi)
                svg.Append($"<line class=\"whisker\" x1=\"{C(X(lo))}\" x2=\"{C(X(hi))}\" y1=\"{C(y)}\" y2=\"{C(y)}\" stroke=\"#1f77b4\" stroke-width=\"2\"/>");
            svg.Append($"<circle cx=\"{C(X(item.Rating))}\" cy=\"{C(y)}\" r=\"4\" fill=\"#1f77b4\"><title>{Escape(item.Name)}: {Label(item.Rating)}</title></circle>\n");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }
}
