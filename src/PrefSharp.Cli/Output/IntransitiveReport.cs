using System.Text.Json;
using PrefSharp.Core.Ranking.Intransitive;

using static PrefSharp.Cli.Output.Formatting;

namespace PrefSharp.Cli.Output;

/// <summary>The table and JSON forms of an <see cref="IntransitiveAnalysis"/> (<c>rank --model gpm</c>).</summary>
public static class IntransitiveReport
{
    public static void Write(IntransitiveAnalysis analysis, TextWriter output)
    {
        var fit = analysis.Fit;
        output.WriteLine(Invariant($"General preference model (dimension {fit.Embeddings[0].Length}) on {analysis.Battles:N0} battles among {fit.Items.Count} items"));
        output.WriteLine(Invariant($"log-likelihood: GPM {fit.LogLikelihood:F2}, Bradley–Terry {fit.BradleyTerryLogLikelihood:F2}, gain {fit.LogLikelihoodGain:F2} nats") +
            Invariant($"; 2·gain vs χ²({analysis.ExtraParameters}) 95% quantile {analysis.CriticalStatistic:F2}: ") +
            (analysis.SignificantGain ? "significant, cyclic structure that no single rating can express" : "not significant, ratings explain these data as well"));
        output.WriteLine();
        output.WriteLine(analysis.Cycles.Count == 0 ? "Condorcet 3-cycles: none (the majority relation is transitive)"
            : $"Condorcet 3-cycles, strongest first (strength = smallest margin P(x≻y) − P(y≻x) on the cycle):");
        foreach (var cycle in analysis.Cycles)
            output.WriteLine(Invariant($"  {cycle.First} ≻ {cycle.Second} ≻ {cycle.Third} ≻ {cycle.First}   strength {cycle.Strength:F3}"));
        output.WriteLine();
        output.WriteLine("Maximal lottery (the minimax winner: a mixture no item beats in expectation):");
        var width = analysis.Lottery.Items.Max(i => i.Length);
        foreach (var (item, p) in analysis.Lottery.Items.Zip(analysis.Lottery.Probabilities).Where(x => x.Second > 1e-9).OrderByDescending(x => x.Second))
            output.WriteLine(Invariant($"  {item.PadRight(width)}  {p,6:F3}"));
    }

    public static void WriteJson(IntransitiveAnalysis analysis, TextWriter output)
    {
        var fit = analysis.Fit;
        output.WriteLine(JsonSerializer.Serialize(new
        {
            model = "gpm",
            battles = analysis.Battles,
            log_likelihood = fit.LogLikelihood,
            bradley_terry_log_likelihood = fit.BradleyTerryLogLikelihood,
            log_likelihood_gain = fit.LogLikelihoodGain,
            extra_parameters = analysis.ExtraParameters,
            significant_gain = analysis.SignificantGain,
            items = fit.Items.Select((name, i) => new { name, embedding = fit.Embeddings[i], bradley_terry_rating = fit.BradleyTerryRatings[i] }),
            cycles = analysis.Cycles.Select(c => new { items = new[] { c.First, c.Second, c.Third }, strength = c.Strength }),
            maximal_lottery = analysis.Lottery.Items.Zip(analysis.Lottery.Probabilities).ToDictionary(x => x.First, x => x.Second),
        }, Json.Indented));
    }
}
