namespace PrefSharp.Core.Data;

/// <summary>
/// LLMBar and its processed companions (Zeng et al. 2024, "Evaluating Large Language Models at Evaluating
/// Instruction Following"; FairEval, LLMEval², MT-Bench human subsets): <c>{input, output_1, output_2, label}</c>
/// with label 1 or 2 naming the better output. One pair each: prompt = input, chosen = the labelled output.
/// These are evaluation suites: read them to evaluate, never to train.
/// </summary>
public sealed class LlmBarFormat : IRecordFormat
{
    private static readonly HashSet<string> KnownFields = RecordChecks.Known("input", "output_1", "output_2", "label");

    public string Name => "llmbar";

    public string Description => "LLMBar-style evaluation pairs {input, output_1, output_2, label in 1/2}";

    public bool Matches(RecordFields record) =>
        record.Has("input") && record.Has("output_1") && record.Has("output_2") && record.Has("label") && !record.Has("generator_1");

    public void Read(RecordFields record, List<PreferenceRecord> output)
    {
        var label = record.Id("label");
        if (label is not ("1" or "2")) throw record.Error("label", Problems.OutOfRange, "1 or 2 (the better output)", $"got {label}");
        var first = Passage.FromText(record.String("output_1"));
        var second = Passage.FromText(record.String("output_2"));
        var pair = new PreferencePair(Passage.FromText(record.String("input")), label == "1" ? first : second, label == "1" ? second : first)
        {
            Location = record.Location,
            Metadata = record.Extras(KnownFields),
        };
        RecordChecks.Pair(record.Location, pair.Chosen, pair.Rejected);
        output.Add(pair);
    }
}
