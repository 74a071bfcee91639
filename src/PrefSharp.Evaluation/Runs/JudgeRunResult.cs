namespace PrefSharp.Evaluation.Runs;

/// <summary>Every planned question with its verdict (in plan order), and the run's report.</summary>
public sealed record JudgeRunResult(IReadOnlyList<JudgedQuestion> Judged, JudgeRunReport Report);
