namespace PrefSharp.Core.Data;

/// <summary>
/// Conversions between the two views of a comparison: a <see cref="Battle"/> (named items, positional) and a
/// <see cref="PreferencePair"/> (texts, oriented chosen/rejected). Both check what the target format requires and
/// throw <see cref="DataFormatException"/> at the record's location otherwise.
/// </summary>
public static class RecordConversions
{
    /// <summary>
    /// The battle as a training pair, oriented by its outcome (the winner is chosen; for a tie A is chosen and
    /// <see cref="PreferencePair.IsTie"/> is set). SoftLabel is the probability that chosen wins, set when the
    /// score is soft (not 1). Requires both texts, non-empty and different.
    /// </summary>
    public static PreferencePair ToPreferencePair(this Battle battle)
    {
        if (battle.TextA is not { } textA || battle.TextB is not { } textB)
        {
            throw new DataFormatException(battle.Location, battle.TextA is null ? BattleFields.TextA : BattleFields.TextB,
                Problems.MissingField, "the texts of both responses to make a pair");
        }
        var chosenIsA = battle.Outcome != BattleOutcome.B;
        var chosenScore = chosenIsA ? battle.ScoreA : 1 - battle.ScoreA;
        var pair = new PreferencePair(battle.Prompt ?? Passage.Empty, chosenIsA ? textA : textB, chosenIsA ? textB : textA)
        {
            Margin = battle.Margin,
            SoftLabel = chosenScore == 1.0 ? null : chosenScore,
            IsTie = battle.IsTie,
            AnnotatorId = battle.Judge,
            Id = battle.QuestionId,
            ChosenModel = chosenIsA ? battle.ItemA : battle.ItemB,
            RejectedModel = chosenIsA ? battle.ItemB : battle.ItemA,
            Location = battle.Location,
            Metadata = battle.Metadata,
        };
        RecordChecks.Pair(pair.Location, pair.Chosen, pair.Rejected);
        return pair;
    }

    /// <summary>
    /// The pair as a battle with A = the chosen model: outcome A (or a tie), ScoreA = SoftLabel (1 when hard, 0.5
    /// for a tie), texts kept. Requires <see cref="PreferencePair.ChosenModel"/> and <see cref="PreferencePair.RejectedModel"/>.
    /// </summary>
    public static Battle ToBattle(this PreferencePair pair)
    {
        if (pair.ChosenModel is not { } itemA || pair.RejectedModel is not { } itemB)
        {
            throw new DataFormatException(pair.Location, pair.ChosenModel is null ? "chosen_model" : "rejected_model",
                Problems.MissingField, "the names of both models to make a battle");
        }
        if (itemA == itemB)
        {
            throw new DataFormatException(pair.Location, "rejected_model", Problems.SelfComparison, "two different models", $"both are \"{itemA}\"");
        }
        var scoreA = pair.IsTie ? 0.5 : pair.SoftLabel ?? 1.0;
        return new Battle(itemA, itemB, pair.IsTie ? BattleOutcome.Tie : RecordChecks.OutcomeFromScore(scoreA))
        {
            ScoreA = scoreA,
            Margin = pair.Margin,
            Judge = pair.AnnotatorId,
            QuestionId = pair.Id,
            Prompt = pair.Prompt,
            TextA = pair.Chosen,
            TextB = pair.Rejected,
            Location = pair.Location,
            Metadata = pair.Metadata,
        };
    }
}
