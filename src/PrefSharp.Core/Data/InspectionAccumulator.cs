using PrefSharp.Core.Metrics;

namespace PrefSharp.Core.Data;

/// <summary>Gathers the statistics of <see cref="InspectionReport"/> record by record (memory: one int per text, one hash per comparison).</summary>
internal sealed class InspectionAccumulator
{
    private readonly SortedDictionary<string, long> kinds = new(StringComparer.Ordinal);
    private readonly List<int> promptLengths = [];
    private readonly List<int> responseLengths = [];
    private readonly HashSet<ulong> seen = [];
    private readonly SortedDictionary<string, long> battlesPerItem = new(StringComparer.Ordinal);
    private readonly AnnotatorAgreement agreement = new();
    private long records, comparisons, ties, duplicates;

    public void Add(PreferenceRecord record)
    {
        records++;
        var kind = record switch
        {
            PreferencePair => "preference_pair",
            Battle => "battle",
            UnpairedJudgement => "unpaired_judgement",
            PromptOnly => "prompt_only",
            ItemRanking => "ranking",
            _ => record.GetType().Name,
        };
        switch (record)
        {
            case PreferencePair pair: AddPair(pair); break;
            case Battle battle: AddBattle(battle); break;
            case UnpairedJudgement unpaired: AddTexts(unpaired.Prompt, unpaired.Completion); break;
            case PromptOnly prompt: AddTexts(prompt.Prompt); break;
            case ItemRanking ranking: AddRanking(ranking); break;
        }
        kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
    }

    public InspectionReport Build(string path, string? format, SkippedRecords skipped)
    {
        var summary = agreement.Summarize();
        return new InspectionReport
        {
            Path = path,
            Format = format,
            Records = records,
            RecordKinds = kinds,
            Skipped = skipped.ByReason,
            PromptLength = LengthSummary.Of(promptLengths),
            ResponseLength = LengthSummary.Of(responseLengths),
            TieRate = comparisons == 0 ? null : (double)ties / comparisons,
            DuplicatePairs = duplicates,
            Items = battlesPerItem.Count == 0 ? null : battlesPerItem.Count,
            BattlesPerItem = battlesPerItem.Count == 0 ? null : battlesPerItem,
            Annotators = summary?.Annotators,
            MajorityCounts = summary?.MajorityCounts,
            CohenKappa = summary?.CohenKappa,
            FleissKappa = summary?.FleissKappa,
            FleissItems = summary?.FleissItems,
            FleissRaters = summary?.FleissRaters,
        };
    }

    private void AddPair(PreferencePair pair)
    {
        AddTexts(pair.Prompt, pair.Chosen, pair.Rejected);
        AddComparison(pair.IsTie);
        var hash = new ContentHash();
        hash.Add(pair.Prompt);
        hash.Add(pair.Chosen);
        hash.Add(pair.Rejected);
        CountDuplicate(hash);
    }

    private void AddBattle(Battle battle)
    {
        AddTexts(battle.Prompt, battle.TextA, battle.TextB);
        AddComparison(battle.IsTie);
        foreach (var item in (string[])[battle.ItemA, battle.ItemB])
        {
            battlesPerItem[item] = battlesPerItem.GetValueOrDefault(item) + 1;
        }
        var hash = new ContentHash();
        foreach (var field in (string?[])[battle.ItemA, battle.ItemB, battle.QuestionId, battle.Judge, battle.Outcome.ToString(), battle.Timestamp?.ToString("O")])
        {
            hash.Add(field);
        }
        hash.Add(battle.Prompt);
        hash.Add(battle.TextA);
        hash.Add(battle.TextB);
        CountDuplicate(hash);
        if (battle is { Judge: { } judge, QuestionId: { } question })
        {
            var label = battle.Metadata?.GetValueOrDefault("label") ?? BattleFields.OutcomeName(battle.Outcome);
            agreement.Add($"{question}\u0001{battle.ItemA}\u0001{battle.ItemB}", judge, label);
        }
    }

    private void AddRanking(ItemRanking ranking)
    {
        AddTexts(ranking.Prompt);
        foreach (var item in ranking.Items)
        {
            AddTexts(null, item.Text);
        }
        foreach (var label in ranking.PairwiseLabels ?? [])
        {
            AddComparison(label.Outcome is BattleOutcome.Tie or BattleOutcome.TieBothBad);
        }
    }

    private void AddTexts(Passage? prompt, params Passage?[] responses)
    {
        if (prompt is not null)
        {
            promptLengths.Add(prompt.Length);
        }
        foreach (var response in responses)
        {
            if (response is not null)
            {
                responseLengths.Add(response.Length);
            }
        }
    }

    private void AddComparison(bool isTie)
    {
        comparisons++;
        ties += isTie ? 1 : 0;
    }

    private void CountDuplicate(ContentHash hash) => duplicates += seen.Add(hash.Value) ? 0 : 1;
}
