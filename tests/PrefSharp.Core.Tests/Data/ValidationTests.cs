using PrefSharp.Core.Data;

namespace PrefSharp.Core.Tests.Data;

/// <summary>Each kind of bad input raises a <see cref="DataFormatException"/> whose message names the file, the line (or index) and the field.</summary>
public sealed class ValidationTests : IDisposable
{
    private const string GoodPair = """{"prompt": "p", "chosen": "good", "rejected": "bad"}""";
    private const string GoodArena = """{"model_a": "x", "model_b": "y", "winner": "model_a"}""";
    private readonly TempFolder folder = new();

    public static TheoryData<string, string, string> Cases => new()
    {
        // file name, content, expected message after "path" (line or index, field, problem)
        { "a.jsonl", GoodPair + "\n{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": }", ":2: malformed JSON (at byte 44: '}' is an invalid start of a value); expected a JSON object" },
        { "a.jsonl", GoodPair + "\n[1, 2]", ":2: not a JSON object (got array); expected a JSON object per record" },
        { "a.jsonl", GoodPair + "\n{\"prompt\": \"p\", \"chosen\": \"a\"}", ":2: rejected: missing field; expected a string or a list of {role, content} messages" },
        { "a.jsonl", "{\"prompt\": \"p\", \"chosen\": 5, \"rejected\": \"b\"}", ":1: chosen: wrong type (got number 5); expected a string or a list" },
        { "a.jsonl", "{\"prompt\": \"p\", \"chosen\": [{\"role\": \"user\"}], \"rejected\": \"b\"}", ":1: chosen[0]: missing field (no \"content\")" },
        { "a.jsonl", "\n\n{\"prompt\": \"p\", \"chosen\": \"\", \"rejected\": \"b\"}", ":3: chosen: empty text; expected a non-empty text" },
        { "a.jsonl", "{\"prompt\": \"p\", \"chosen\": \"same\", \"rejected\": \"same\"}", ":1: rejected: chosen identical to rejected" },
        { "a.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"label\": 1.5}", ":1: label: out of range (got 1.5); expected a value in [0, 1]" },
        { "a.jsonl", "{\"prompt\": \"p\", \"chosen\": \"a\", \"rejected\": \"b\", \"margin\": \"NaN\"}", ":1: margin: not a finite number (NaN)" },
        { "a.jsonl", "{\"prompt\": \"p\", \"completion\": \"c\", \"label\": \"yes\"}", ":1: label: wrong type (got string \"yes\"); expected true or false" },
        { "c.jsonl", "{\"index\": 0, \"generator_1\": \"a\", \"generator_2\": \"b\", \"preference\": 2.5, \"len_output_1\": 1, \"len_output_2\": 2}", ":1: preference: out of range (got 2.5); expected a value in [1, 2], or 0 for a draw" },
        { "c.jsonl", "{\"index\": 0, \"generator_1\": \"a\", \"generator_2\": \"b\", \"preference\": NaN}", ":1: malformed JSON (at byte 68: 'N' is an invalid start of a value" },
        { "b.jsonl", GoodArena + "\n{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_c\"}", ":2: winner: unknown label (got \"model_c\"); expected model_a, model_b, tie or \"tie (bothbad)\"" },
        { "b.jsonl", "{\"model_a\": \"x\", \"model_b\": \"x\", \"winner\": \"tie\"}", ":1: model_b: item compared with itself (both are \"x\"); expected two different items" },
        { "p.json", "[{\"idx\": 0, \"cmp_key\": \"m1_m2\", \"instruction\": \"i\", \"input\": \"\", \"response1\": \"r\", \"response2\": \"s\", \"annotator1\": 1},\n {\"idx\": 1, \"cmp_key\": \"m1_m2\", \"instruction\": \"i\", \"input\": \"\", \"response1\": \"r\", \"response2\": \"s\", \"annotator1\": 3}]", "[1]: annotator1: unknown label (got 3)" },
        { "p.json", "[{\"idx\": 0, \"cmp_key\": \"m_1_m2\", \"instruction\": \"i\", \"input\": \"\", \"response1\": \"r\", \"response2\": \"s\", \"annotator1\": 1}]", "[0]: cmp_key: wrong type (got \"m_1_m2\"); expected \"modelA_modelB\" with exactly one '_'" },
        { "t.jsonl", "{\"model_a\": \"x\", \"model_b\": \"y\", \"prompt\": \"p\", \"completion_a\": \"a\", \"completion_b\": \"b\", \"preference\": \"a-is-much-better\"}", ":1: preference: unknown label" },
        { "l.json", "[{\"question\": \"q\", \"prediction 1\": \"a\", \"prediction 2\": \"b\", \"preference\": [0, 1]}]", "[0]: preference: out of range (got 2); expected 1 pairwise labels for 2 predictions" },
        { "s.json", "[{\"conversations\": [{\"from\": \"human\", \"value\": \"q\"}], \"chosen\": \"a\", \"rejected\": {\"from\": \"gpt\", \"value\": \"b\"}}]", "[0]: chosen: wrong type (got string \"a\"); expected an object with string fields \"from\" and \"value\"" },
        { "x.json", "[" + GoodArena + ", ", "[1]: malformed JSON (the file ends inside the array); expected a JSON array of objects" },
        { "r.csv", "prompt,chosen,rejected\np,\"a, b\",\"a, b\"", ":2: rejected: chosen identical to rejected" },
        { "r.csv", "prompt,chosen,rejected\np,a", ":2: malformed CSV (got 2); expected 3 fields as in the header" },
        { "r.csv", "prompt,chosen,rejected\np,a,b,\"unclosed", ":2: malformed CSV (the file ends inside a quoted field)" },
        { "n.txt", "Item Race Place\n1 1 1\n2 1 first", ":3: Place: wrong type (got \"first\"); expected a place 1, 2, 3, …" },
        { "n.txt", "Item Race Place\n1 1 1\n2 2 1\n3 1 2", ":4: Race: malformed row (group \"1\" appears again after other groups)" },
        { "u.jsonl", "{\"something\": 1}", ":1: unknown format (fields: something); expected the fields of one of the formats battles, arena" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_names_file_line_and_field(string name, string content, string expected)
    {
        var path = folder.Write(name, content);

        var error = Assert.Throws<DataFormatException>(() => PreferenceFileReader.ReadAll(path));

        Assert.StartsWith(path + expected, error.Message);
    }

    [Fact]
    public void An_unknown_format_name_lists_the_known_ones()
    {
        var path = folder.Write("a.jsonl", GoodPair);

        var error = Assert.Throws<ArgumentException>(() => new PreferenceFileReader(path, new ReadOptions { Format = "nope" }));

        Assert.Contains("expected one of: battles, arena, tulu-human-eval, alpaca-eval", error.Message);
    }

    [Fact]
    public void A_format_override_reads_the_fields_that_format_expects()
    {
        var path = folder.Write("a.jsonl", "{\"chosen\": \"\\n\\nHuman: hi\\n\\nAssistant: hello\", \"rejected\": \"\\n\\nHuman: hi\\n\\nAssistant: go away\"}");

        var detected = (PreferencePair)PreferenceFileReader.ReadAll(path)[0];
        var asTrl = (PreferencePair)PreferenceFileReader.ReadAll(path, new ReadOptions { Format = "trl" })[0];

        Assert.True(detected.Prompt.IsConversation);
        Assert.Equal(("\n\nHuman: hi\n\nAssistant:", " hello", " go away"), (asTrl.Prompt.Text, asTrl.Chosen.Text, asTrl.Rejected.Text));
    }

    public void Dispose() => folder.Dispose();
}
