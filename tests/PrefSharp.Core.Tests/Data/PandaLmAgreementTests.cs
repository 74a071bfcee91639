using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>
/// PandaLM's human test set through the inspector, against the published statistics.
/// Source: github.com/WeOpenML/PandaLM README, "Test data": Cohen's κ annotator #1–#2 0.85, #1–#3 0.88,
/// #2–#3 0.86, and the label distribution 0: 105, 1: 422, 2: 472 (the majority vote of the three annotators).
/// </summary>
public sealed class PandaLmAgreementTests
{
    [SharedDataFact]
    public void Inspector_reproduces_published_kappas_and_label_distribution()
    {
        var report = DataInspector.Inspect(SharedData.Path("pairs/pandalm/testset-v1.json"));

        Assert.Equal(("pandalm", 2997L, 3), (report.Format, report.Records, report.Annotators));
        Assert.Equal(new Dictionary<string, long> { ["0"] = 105, ["1"] = 422, ["2"] = 472 }, report.MajorityCounts);
        var kappas = report.CohenKappa!.ToDictionary(entry => (entry.A, entry.B), entry => entry.Kappa!.Value);
        Assert.Equal(0.85, kappas[("annotator1", "annotator2")], 2);
        Assert.Equal(0.88, kappas[("annotator1", "annotator3")], 2);
        Assert.Equal(0.86, kappas[("annotator2", "annotator3")], 2);
        Assert.All(report.CohenKappa!, entry => Assert.Equal(999, entry.Items));
        Assert.Equal((999, 3), (report.FleissItems, report.FleissRaters));
        Assert.InRange(report.FleissKappa!.Value, 0.85, 0.88);
    }

    [SharedDataFact]
    public void Report_serialises_in_snake_case()
    {
        var json = DataInspector.Inspect(SharedData.Path("pairs/pandalm/testset-v1.json")).ToJson();

        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(2997, root.GetProperty("records").GetInt64());
        Assert.Equal("pandalm", root.GetProperty("format").GetString());
        Assert.Equal(105, root.GetProperty("majority_counts").GetProperty("0").GetInt64());
        var first = root.GetProperty("cohen_kappa")[0];
        Assert.Equal(("annotator1", "annotator2"), (first.GetProperty("a").GetString(), first.GetProperty("b").GetString()));
        Assert.Equal(0.852, first.GetProperty("kappa").GetDouble(), 3);
        Assert.True(root.TryGetProperty("record_kinds", out _));
    }
}
