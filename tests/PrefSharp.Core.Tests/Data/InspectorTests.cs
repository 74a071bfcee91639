using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

public sealed class InspectorTests : IDisposable
{
    private readonly TempFolder folder = new();

    [Fact]
    public void Counts_lengths_ties_duplicates_and_items()
    {
        var path = folder.Write("battles.jsonl", string.Join("\n",
            """{"model_a": "x", "model_b": "y", "winner": "model_a", "question_id": 1}""",
            """{"model_a": "x", "model_b": "y", "winner": "model_a", "question_id": 1}""",
            """{"model_a": "x", "model_b": "z", "winner": "tie", "question_id": 2}""",
            """{"model_a": "y", "model_b": "z", "winner": "model_b", "question_id": 3}"""));

        var report = DataInspector.Inspect(path);

        Assert.Equal(("arena", 4L, 0.25, 1L, 3), (report.Format, report.Records, report.TieRate, report.DuplicatePairs, report.Items));
        Assert.Equal(new Dictionary<string, long> { ["x"] = 3, ["y"] = 3, ["z"] = 2 }, report.BattlesPerItem);
        Assert.Null(report.CohenKappa);
    }

    [Fact]
    public void Length_summary_has_min_mean_median_p90_and_max()
    {
        // sorted 1 2 3 5 10: median at rank 2 = 3; p90 at rank 0.9·4 = 3.6 → 5 + 0.6·(10 − 5) = 8 (numpy.percentile gives the same)
        Assert.Equal(new LengthSummary(5, 1, 4.2, 3, 8, 10), LengthSummary.Of([10, 1, 3, 2, 5]));
    }

    [Fact]
    public void Two_annotators_give_a_cohen_kappa_in_their_own_labels()
    {
        // Judges j1, j2 on four questions: agree on q1 (model_a) and q2 (tie), disagree on q3, q4.
        string Battle(string judge, int question, string winner) =>
            $$"""{"model_a": "x", "model_b": "y", "winner": "{{winner}}", "judge": "{{judge}}", "question_id": {{question}}}""";
        var path = folder.Write("judges.jsonl", string.Join("\n",
            Battle("j1", 1, "model_a"), Battle("j2", 1, "model_a"), Battle("j1", 2, "tie"), Battle("j2", 2, "tie"),
            Battle("j1", 3, "model_a"), Battle("j2", 3, "model_b"), Battle("j1", 4, "model_b"), Battle("j2", 4, "tie")));

        var report = DataInspector.Inspect(path);

        // p_o = 2/4; j1: a 2, tie 1, b 1; j2: a 1, tie 2, b 1 → p_e = (2 + 2 + 1)/16 = 5/16; κ = (8/16 − 5/16)/(11/16) = 3/11
        var kappa = Assert.Single(report.CohenKappa!);
        Assert.Equal(("j1", "j2", 4), (kappa.A, kappa.B, kappa.Items));
        Assert.Equal(3.0 / 11.0, kappa.Kappa!.Value, 12);
        Assert.Equal(new Dictionary<string, long> { ["model_a"] = 1, ["no_majority"] = 2, ["tie"] = 1 }, report.MajorityCounts);
        Assert.Contains("\"cohen_kappa\"", report.ToJson());
    }

    [Fact]
    public void Synthetic_pairs_are_valid_trl_of_the_requested_size()
    {
        var path = folder.Path("synthetic.jsonl");

        var written = SyntheticPairs.Write(path, 200_000, seed: 7);
        var report = DataInspector.Inspect(path);

        Assert.InRange(new FileInfo(path).Length, 200_000, 210_000);
        Assert.Equal(("trl", written), (report.Format, report.Records));
        Assert.Equal(0, report.DuplicatePairs);
    }

    public void Dispose() => folder.Dispose();
}
