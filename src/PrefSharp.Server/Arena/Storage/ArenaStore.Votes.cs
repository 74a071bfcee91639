using PrefSharp.Server.OpenAi;

namespace PrefSharp.Server.Arena.Storage;

/// <summary>Served pairs and their votes: one vote per served pair, the pair's id being the idempotency key.</summary>
public sealed partial class ArenaStore
{
    /// <summary>The latest pair served to the annotator and not yet voted on (a reload shows it again).</summary>
    public ServedPair? PendingPair(long annotatorId) => Locked(() =>
    {
        using var command = Command(null, """
            SELECT p.id, p.question_id, p.model_a, p.model_b, p.prompt, p.text_a, p.text_b FROM pairs p
            WHERE p.annotator_id = $a AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.pair_id = p.id) ORDER BY p.rowid DESC LIMIT 1
            """, ("$a", annotatorId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new ServedPair(reader.GetString(0), annotatorId, reader.GetString(1), reader.GetString(2), reader.GetString(3),
            reader.GetString(4), reader.GetString(5), reader.GetString(6)) : null;
    });

    /// <summary>Records that <paramref name="pair"/> was shown; committed before it returns.</summary>
    public void Serve(ServedPair pair) => InTransaction(transaction => Execute(transaction, """
        INSERT INTO pairs (id, annotator_id, question_id, model_a, model_b, prompt, text_a, text_b, served)
        VALUES ($id, $a, $q, $ma, $mb, $p, $ta, $tb, $t)
        """, ("$id", pair.Id), ("$a", pair.AnnotatorId), ("$q", pair.QuestionId), ("$ma", pair.ModelA), ("$mb", pair.ModelB),
        ("$p", pair.Prompt), ("$ta", pair.TextA), ("$tb", pair.TextB), ("$t", Now())));

    /// <summary>
    /// Stores the annotator's vote on a pair served to them, on disk before it returns. A second submission for the
    /// same pair (double click, retry) stores nothing and returns the first vote's receipt. 404 for an unknown pair,
    /// 403 for a pair served to someone else.
    /// </summary>
    public VoteReceipt Vote(long annotatorId, string pairId, string outcome, string? reason) => InTransaction(transaction =>
    {
        string modelA, modelB;
        using (var command = Command(transaction, "SELECT annotator_id, model_a, model_b FROM pairs WHERE id = $id", ("$id", pairId)))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read()) throw new ApiException(404, "pair_id: no such pair was served", "pair_id", "unknown_pair");
            if (reader.GetInt64(0) != annotatorId) throw new ApiException(403, "pair_id: this pair was served to another annotator", "pair_id", "foreign_pair");
            (modelA, modelB) = (reader.GetString(1), reader.GetString(2));
        }
        var stored = Execute(transaction, "INSERT INTO votes (pair_id, outcome, reason, voted) VALUES ($id, $o, $r, $t) ON CONFLICT(pair_id) DO NOTHING",
            ("$id", pairId), ("$o", outcome), ("$r", reason), ("$t", Now())) == 1;
        var recorded = stored ? outcome : (string)ScalarIn(transaction, "SELECT outcome FROM votes WHERE pair_id = $id", ("$id", pairId))!;
        return new VoteReceipt(pairId, modelA, modelB, recorded, Duplicate: !stored);
    });

    public long VoteCount() => Locked(() => (long)Scalar("SELECT count(*) FROM votes")!);

    /// <summary>Every vote with its pair and annotator, in the order they were cast.</summary>
    public IReadOnlyList<StoredVote> Votes() => Locked(() =>
    {
        using var command = Command(null, """
            SELECT p.id, a.name, p.question_id, p.model_a, p.model_b, p.prompt, p.text_a, p.text_b, v.outcome, v.reason, v.voted
            FROM votes v JOIN pairs p ON p.id = v.pair_id JOIN annotators a ON a.id = p.annotator_id ORDER BY v.rowid
            """);
        using var reader = command.ExecuteReader();
        var votes = new List<StoredVote>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
            votes.Add(new StoredVote(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                Text(5), Text(6), Text(7), reader.GetString(8), Text(9), DateTimeOffset.Parse(reader.GetString(10))));
        return votes;
    });

    /// <summary>
    /// A (prompt, model pair) that another annotator voted on and this one has not been served, chosen at random;
    /// null when there is none. Serving it again yields the doubly-voted items that agreement is measured on.
    /// </summary>
    public (string QuestionId, string ModelA, string ModelB)? ItemVotedByOthers(long annotatorId) => Locked<(string, string, string)?>(() =>
    {
        using var command = Command(null, """
            SELECT p.question_id, p.model_a, p.model_b FROM votes v JOIN pairs p ON p.id = v.pair_id WHERE p.annotator_id <> $a
            AND NOT EXISTS (SELECT 1 FROM pairs m WHERE m.annotator_id = $a AND m.question_id = p.question_id
                AND ((m.model_a = p.model_a AND m.model_b = p.model_b) OR (m.model_a = p.model_b AND m.model_b = p.model_a)))
            ORDER BY random() LIMIT 1
            """, ("$a", annotatorId));
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), reader.GetString(1), reader.GetString(2)) : null;
    });
}
