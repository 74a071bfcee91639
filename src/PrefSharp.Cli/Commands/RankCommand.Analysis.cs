using System.CommandLine;
using PrefSharp.Cli.Output;
using PrefSharp.Core.Data;
using PrefSharp.Core.Gym;
using PrefSharp.Core.Ranking.Intransitive;
using PrefSharp.Core.Ranking.Mixtures;

namespace PrefSharp.Cli.Commands;

/// <summary>
/// <c>rank --model mixture</c> (latent annotator groups, per-group leaderboards, the MaxMin winner) and
/// <c>rank --model gpm</c> (intransitivity: the general preference model, Condorcet cycles, the maximal lottery).
/// These are analyses rather than one leaderboard, so they print their own reports.
/// </summary>
public static partial class RankCommand
{
    private static int RunAnalysis(ParseResult parse, ReadOptions readOptions, string model)
    {
        var output = parse.InvocationConfiguration.Output;
        var json = parse.GetValue(Output) == "json";
        if (parse.GetValue(Output) == "csv") throw new ArgumentException($"--output: csv is for leaderboards; --model {model} prints table or json.");
        var files = parse.GetValue(Files)!;
        var battles = files.Length == 0
            ? SimulatedArena.WithSpreadStrengths(parse.GetValue(SimulatedModels), parse.GetValue(Seed)).Battles(parse.GetValue(SimulatedBattles), parse.GetValue(Seed)).ToList()
            : Read(parse, readOptions).Battles();
        if (model == "gpm")
        {
            var analysis = IntransitiveAnalysis.Of(battles, new GeneralPreferenceOptions { Seed = parse.GetValue(Seed) });
            if (json) IntransitiveReport.WriteJson(analysis, output); else IntransitiveReport.Write(analysis, output);
            return 0;
        }
        var annotators = battles.Select(b => b.Judge).Distinct().Count();
        if (annotators < 2)
            throw new ArgumentException("--model mixture groups annotators: the battles need at least two distinct judge ids (the judge / annotator field).");
        var selection = MixtureModelSelection.SelectByBic(battles, Math.Min(4, annotators), new MixtureOptions { Seed = parse.GetValue(Seed) });
        var maxMin = MaxMinWinner.Select(selection.Selected);
        if (json) MixtureReport.WriteJson(selection, maxMin, output); else MixtureReport.Write(selection, maxMin, output);
        return 0;
    }
}
