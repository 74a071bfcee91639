using PrefSharp.Core.Data;

namespace PrefSharp.Torch.Tokenization;

/// <summary>
/// The text inside files, for training a tokenizer or prompting a model: plain text files as they are, and
/// PrefSharp data files (any format <see cref="PreferenceFileReader"/> reads) as their prompts and completions.
/// A file is a data file when its name ends in .jsonl, .json, .csv or .parquet (optionally .gz); anything else is text.
/// </summary>
public static class CorpusTexts
{
    private static readonly string[] DataExtensions = [".jsonl", ".json", ".csv", ".parquet"];

    /// <summary>Whether <paramref name="path"/> is read as a data file rather than as plain text.</summary>
    public static bool IsDataFile(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return DataExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every text of <paramref name="path"/>: the whole file, or each prompt, completion and message content.</summary>
    public static IEnumerable<string> Read(string path, ReadOptions? options = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"input file {path} does not exist");
        if (!IsDataFile(path)) return [File.ReadAllText(path)];
        return new PreferenceFileReader(path, options).SelectMany(Passages).SelectMany(Contents);
    }

    /// <summary>The prompts of <paramref name="path"/>: one per non-empty line of a text file, or each record's prompt.</summary>
    public static IEnumerable<Passage> Prompts(string path, ReadOptions? options = null)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"prompts file {path} does not exist");
        if (!IsDataFile(path)) return File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(Passage.FromText);
        return new PreferenceFileReader(path, options).Select(Prompt).OfType<Passage>();
    }

    private static Passage? Prompt(PreferenceRecord record) => record switch
    {
        PreferencePair pair => pair.Prompt,
        UnpairedJudgement judgement => judgement.Prompt,
        PromptOnly prompt => prompt.Prompt,
        ItemRanking ranking => ranking.Prompt,
        Battle battle => battle.Prompt,
        _ => null,
    };

    private static IEnumerable<Passage?> Passages(PreferenceRecord record) => record switch
    {
        PreferencePair pair => [pair.Prompt, pair.Chosen, pair.Rejected],
        UnpairedJudgement judgement => [judgement.Prompt, judgement.Completion],
        PromptOnly prompt => [prompt.Prompt],
        ItemRanking ranking => [ranking.Prompt, .. ranking.Items.Select(i => i.Text)],
        Battle battle => [battle.Prompt, battle.TextA, battle.TextB],
        _ => [],
    };

    private static IEnumerable<string> Contents(Passage? passage) => passage switch
    {
        null => [],
        { Messages: { } messages } => messages.Select(m => m.Content).Where(c => c.Length > 0),
        { Text: { Length: > 0 } text } => [text],
        _ => [],
    };
}
