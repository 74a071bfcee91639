using PrefSharp.Core.Data;
using PrefSharp.Server.Arena.Auth;

namespace PrefSharp.Server.Arena.Storage;

/// <summary>Battles of an earlier arena (or any battle file) brought in as votes, so an arena continues where it stopped.</summary>
public sealed partial class ArenaStore
{
    /// <summary>
    /// Stores each battle as a served pair with its vote, the judge (or "imported") as annotator. A battle's key is the
    /// hash of its fields and its position in <paramref name="battles"/>, so importing the same file twice adds nothing.
    /// Returns how many votes were new.
    /// </summary>
    public int Import(IReadOnlyList<Battle> battles) => InTransaction(transaction =>
    {
        var added = 0;
        for (var index = 0; index < battles.Count; index++)
        {
            var battle = battles[index];
            var outcome = VoteOutcomes.FromBattleOutcome(battle.Outcome);
            var question = battle.QuestionId ?? "";
            var voted = (battle.Timestamp ?? DateTimeOffset.UtcNow).ToString("O");
            var id = "import-" + Secrets.Hash($"{index}\n{battle.ItemA}\n{battle.ItemB}\n{outcome}\n{battle.Judge}\n{question}\n{battle.Timestamp:O}")[..32];
            var fresh = Execute(transaction, """
                INSERT OR IGNORE INTO pairs (id, annotator_id, question_id, model_a, model_b, prompt, text_a, text_b, served)
                VALUES ($id, $a, $q, $ma, $mb, $p, $ta, $tb, $t)
                """, ("$id", id), ("$a", AnnotatorId(transaction, battle.Judge ?? "imported")), ("$q", question), ("$ma", battle.ItemA),
                ("$mb", battle.ItemB), ("$p", battle.Prompt?.Text), ("$ta", battle.TextA?.Text), ("$tb", battle.TextB?.Text), ("$t", voted)) == 1;
            if (!fresh) continue;
            Execute(transaction, "INSERT INTO votes (pair_id, outcome, reason, voted) VALUES ($id, $o, NULL, $t)", ("$id", id), ("$o", outcome), ("$t", voted));
            added++;
        }
        return added;
    });
}
