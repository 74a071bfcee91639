using PrefSharp.Evaluation.Inputs;

namespace PrefSharp.Evaluation.Runs;

/// <summary>One ordered question: <see cref="Model"/> against <see cref="Baseline"/>, the baseline shown first or second.</summary>
public sealed record JudgeQuestion(ModelOutput Model, ModelOutput Baseline, bool BaselineFirst)
{
    public ModelOutput First => BaselineFirst ? Baseline : Model;

    public ModelOutput Second => BaselineFirst ? Model : Baseline;

    /// <summary>Every instruction the baseline answered, each other generator against it, in both orders.</summary>
    public static IReadOnlyList<JudgeQuestion> Plan(IReadOnlyList<ModelOutput> outputs, string baseline)
    {
        var byGenerator = new Dictionary<string, Dictionary<string, ModelOutput>>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            var answers = byGenerator.TryGetValue(output.Generator, out var found) ? found : byGenerator[output.Generator] = new(StringComparer.Ordinal);
            if (!answers.TryAdd(output.QuestionId, output))
                throw new FormatException($"generator \"{output.Generator}\" answers question \"{Excerpt(output.QuestionId)}\" twice; expected one output each");
        }
        if (!byGenerator.TryGetValue(baseline, out var reference))
            throw new ArgumentException($"no outputs of baseline \"{baseline}\"; generators found: {string.Join(", ", byGenerator.Keys)}", "--baseline");
        var models = byGenerator.Keys.Where(g => g != baseline).Order(StringComparer.Ordinal).ToList();
        if (models.Count == 0) throw new ArgumentException($"only the baseline \"{baseline}\" has outputs; expected at least one other generator", "--baseline");
        var plan = new List<JudgeQuestion>();
        foreach (var (id, baselineOutput) in reference)
            foreach (var model in models)
                if (byGenerator[model].TryGetValue(id, out var answer))
                {
                    plan.Add(new JudgeQuestion(answer, baselineOutput, BaselineFirst: true));
                    plan.Add(new JudgeQuestion(answer, baselineOutput, BaselineFirst: false));
                }
        return plan;
    }

    private static string Excerpt(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
