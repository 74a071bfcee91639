using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

/// <summary>
/// Aggregates battles into <see cref="PairwiseCounts"/> one at a time, without keeping them: hard unit-weight
/// outcomes land in three fixed cells per pair; soft scores and other weights get their own (pair, outcome,
/// score, weight) cells. Memory grows with the distinct pairs and cells, never with the number of battles.
/// </summary>
public sealed class PairwiseCountsBuilder(ItemIndex items)
{
    private readonly Dictionary<long, int> _pairByKey = [];
    private readonly List<int> _first = [], _second = [];
    private readonly List<int> _standardCell = []; // 3 per pair: cell index of the unit-weight hard outcome, or −1
    private readonly Dictionary<(int Pair, PairOutcome Outcome, double Score, double Weight), int> _otherCell = [];
    private readonly List<int> _cellPair = [], _cellCount = [];
    private readonly List<PairOutcome> _cellOutcome = [];
    private readonly List<double> _cellScore = [], _cellWeight = [];

    public ItemIndex Items => items;

    /// <summary>Battles added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a battle after checking it; <paramref name="position"/> (0-based) names it in errors.</summary>
    public void Add(Battle battle, long position)
    {
        if (string.IsNullOrEmpty(battle.ItemA) || string.IsNullOrEmpty(battle.ItemB))
            throw new ArgumentException($"battle {Where(battle, position)}: an item name is empty.", "battles");
        if (battle.ItemA == battle.ItemB)
            throw new ArgumentException($"battle {Where(battle, position)}: item '{battle.ItemA}' is compared against itself.", "battles");
        if (!(battle.Weight >= 0) || double.IsInfinity(battle.Weight))
            throw new ArgumentException($"battle {Where(battle, position)}: weight {battle.Weight} is not a finite non-negative number.", "battles");
        if (!(battle.ScoreA >= 0 && battle.ScoreA <= 1))
            throw new ArgumentException($"battle {Where(battle, position)}: score {battle.ScoreA} of '{battle.ItemA}' is outside [0, 1].", "battles");

        Add(items.GetOrAdd(battle.ItemA), items.GetOrAdd(battle.ItemB), battle.Outcome, battle.ScoreA, battle.Weight);
    }

    /// <summary>
    /// Adds <paramref name="count"/> identical battles between item indices <paramref name="a"/> ≠ <paramref name="b"/>
    /// of <see cref="Items"/>, with A's score in [0, 1] and a finite non-negative weight (the caller checks them,
    /// naming the record).
    /// </summary>
    public void Add(int a, int b, BattleOutcome result, double scoreA, double weight, int count = 1)
    {
        Count += count;
        bool swapped = a > b;
        int first = swapped ? b : a, second = swapped ? a : b;
        PairOutcome outcome = result switch
        {
            BattleOutcome.A => swapped ? PairOutcome.SecondWins : PairOutcome.FirstWins,
            BattleOutcome.B => swapped ? PairOutcome.FirstWins : PairOutcome.SecondWins,
            _ => PairOutcome.Tie,
        };
        double firstScore = swapped ? 1 - scoreA : scoreA;
        int pair = PairOf(first, second);
        if (weight == 1 && firstScore == StandardScore(outcome))
        {
            int slot = 3 * pair + (int)outcome;
            int cell = _standardCell[slot];
            if (cell < 0) _standardCell[slot] = cell = NewCell(pair, outcome, firstScore, 1);
            _cellCount[cell] += count;
        }
        else
        {
            var key = (pair, outcome, firstScore, weight);
            if (!_otherCell.TryGetValue(key, out int cell)) _otherCell.Add(key, cell = NewCell(pair, outcome, firstScore, weight));
            _cellCount[cell] += count;
        }
    }

    /// <summary>The counts of the battles added; throws <see cref="ArgumentException"/> when there are none.</summary>
    public PairwiseCounts Build() => Count == 0
        ? throw new ArgumentException("No battles: at least one comparison is required.", "battles")
        : new(items, [.. _first], [.. _second], [.. _cellPair], [.. _cellOutcome],
        [.. _cellScore], [.. _cellWeight], [.. _cellCount]);

    private static double StandardScore(PairOutcome outcome) => outcome switch
    {
        PairOutcome.FirstWins => 1.0,
        PairOutcome.SecondWins => 0.0,
        _ => 0.5,
    };

    private int PairOf(int first, int second)
    {
        long key = ((long)first << 32) | (uint)second;
        if (_pairByKey.TryGetValue(key, out int pair)) return pair;
        pair = _first.Count;
        _pairByKey.Add(key, pair);
        _first.Add(first);
        _second.Add(second);
        _standardCell.AddRange([-1, -1, -1]);
        return pair;
    }

    private int NewCell(int pair, PairOutcome outcome, double firstScore, double weight)
    {
        _cellPair.Add(pair);
        _cellOutcome.Add(outcome);
        _cellScore.Add(firstScore);
        _cellWeight.Add(weight);
        _cellCount.Add(0);
        return _cellPair.Count - 1;
    }

    private static string Where(Battle battle, long position) =>
        battle.Location.Path is null ? $"#{position}" : $"#{position} ({battle.Location})";
}
