using System.Text.Json;
using PrefSharp.Core.Ranking.Mixtures;

using static PrefSharp.Cli.Output.Formatting;

namespace PrefSharp.Cli.Output;

/// <summary>The table and JSON forms of an annotator mixture (<c>rank --model mixture</c>).</summary>
public static class MixtureReport
{
    public static void Write(MixtureSelection selection, MaxMinChoice maxMin, TextWriter output)
    {
        var fit = selection.Selected;
        output.WriteLine(Invariant($"Mixture of Bradley–Terry models over annotators: K = {selection.SelectedGroupCount} chosen by BIC ") +
            "(" + string.Join(", ", selection.Candidates.Select(c => Invariant($"K={c.GroupCount}: {c.Bic:F1}"))) + ")");
        foreach (var group in fit.Groups)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"group {group.Group}: weight {group.MixingWeight:F3}, {group.AnnotatorCount} annotator(s)"));
            var width = group.Items.Max(i => i.Item.Length);
            foreach (var (item, rank) in group.Items.Select((item, k) => (item, k + 1)))
                output.WriteLine(Invariant($"  {rank,3}  {item.Item.PadRight(width)}  rating {item.Rating,7:F3}  mean win prob. {item.MeanWinProbability:F3}"));
        }
        output.WriteLine();
        output.WriteLine(Invariant($"MaxMin (egalitarian) winner: {maxMin.Item}, mean win probability {maxMin.MinimumUtility:F3} in its worst group ({maxMin.WorstGroup})"));
        output.WriteLine("Annotators: " + string.Join(", ", fit.Annotators.Select(a => Invariant($"{a.Annotator}→{a.Group}"))));
    }

    public static void WriteJson(MixtureSelection selection, MaxMinChoice maxMin, TextWriter output)
    {
        var fit = selection.Selected;
        output.WriteLine(JsonSerializer.Serialize(new
        {
            model = "mixture",
            groups_selected = selection.SelectedGroupCount,
            candidates = selection.Candidates.Select(c => new { groups = c.GroupCount, log_likelihood = c.LogLikelihood, parameters = c.ParameterCount, bic = c.Bic }),
            groups = fit.Groups.Select(g => new
            {
                group = g.Group, weight = g.MixingWeight, annotators = g.AnnotatorCount,
                items = g.Items.Select(i => new { name = i.Item, rating = i.Rating, mean_win_probability = i.MeanWinProbability }),
            }),
            annotators = fit.Annotators.Select(a => new { name = a.Annotator, group = a.Group, responsibilities = a.Responsibilities, battles = a.BattleCount }),
            maxmin_winner = new { name = maxMin.Item, worst_group = maxMin.WorstGroup, utility = maxMin.MinimumUtility },
        }, Json.Indented));
    }
}
