using System.Globalization;
using PrefSharp.Core.Data;

namespace PrefSharp.Cli.Output;

/// <summary>The human-readable form of an <see cref="InspectionReport"/>.</summary>
public static class InspectionTable
{
    public static void Write(InspectionReport report, TextWriter output)
    {
        void Row(string name, string value) => output.WriteLine($"  {name,-18} {value}");
        output.WriteLine(report.Path);
        Row("format", report.Format ?? "(no records)");
        Row("records", $"{report.Records:N0}  ({string.Join(", ", report.RecordKinds.Select(k => $"{k.Value:N0} {k.Key}"))})");
        if (report.Skipped.Count > 0)
            Row("skipped", string.Join(", ", report.Skipped.Select(s => $"{s.Value:N0} {s.Key}")));
        if (report.PromptLength is { } prompt) Row("prompt chars", Lengths(prompt));
        if (report.ResponseLength is { } response) Row("response chars", Lengths(response));
        if (report.TieRate is { } ties) Row("tie rate", ties.ToString("P1", CultureInfo.InvariantCulture));
        Row("duplicates", report.DuplicatePairs.ToString("N0", CultureInfo.InvariantCulture));
        if (report.BattlesPerItem is { } perItem)
            Row("items", $"{report.Items} — " + string.Join(", ", perItem.OrderByDescending(p => p.Value).Take(8).Select(p => $"{p.Key} {p.Value:N0}"))
                + (perItem.Count > 8 ? ", …" : ""));
        if (report.Annotators is { } annotators) Row("annotators", annotators.ToString(CultureInfo.InvariantCulture));
        if (report.MajorityCounts is { } majority)
            Row("majority vote", string.Join(", ", majority.Select(m => $"{m.Key}: {m.Value:N0}")));
        foreach (var kappa in report.CohenKappa ?? [])
            Row("Cohen's κ", $"{kappa.A} vs {kappa.B}: {Format(kappa.Kappa)} over {kappa.Items:N0} items");
        if (report.FleissKappa is { } fleiss)
            Row("Fleiss' κ", $"{Format(fleiss)} ({report.FleissItems:N0} items × {report.FleissRaters} raters)");
        output.WriteLine();
    }

    private static string Lengths(LengthSummary s) => string.Create(CultureInfo.InvariantCulture,
        $"n={s.Count:N0}  min {s.Min}  median {s.Median:F0}  mean {s.Mean:F0}  p90 {s.P90:F0}  max {s.Max}");

    private static string Format(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a";
}
