using PrefSharp.Core.Data;

namespace PrefSharp.Core.Ranking;

public sealed partial class PairwiseCounts
{
    /// <summary>
    /// Aggregates battles into pair and cell counts in one pass (a few dictionary look-ups per battle).
    /// Hard unit-weight outcomes land in three fixed cells per pair; soft scores and other weights get their
    /// own (pair, outcome, score, weight) cells. Throws <see cref="ArgumentException"/> for an empty input,
    /// an item compared against itself (naming it), a weight that is negative or not finite, or a score outside [0, 1].
    /// </summary>
    /// <param name="battles">The battles; A's score is <see cref="Battle.ScoreA"/>, its weight <see cref="Battle.Weight"/>.</param>
    /// <param name="items">An index to extend (to keep a given item order); a new one when null.</param>
    public static PairwiseCounts FromBattles(IEnumerable<Battle> battles, ItemIndex? items = null)
    {
        ArgumentNullException.ThrowIfNull(battles);
        items ??= new ItemIndex();
        var aggregator = new Aggregator(items);
        long position = 0;
        foreach (Battle battle in battles)
        {
            aggregator.Add(battle, position);
            position++;
        }
        if (position == 0) throw new ArgumentException("No battles: at least one comparison is required.", nameof(battles));
        return aggregator.Build();
    }

    private sealed class Aggregator(ItemIndex items)
    {
        private readonly Dictionary<long, int> _pairByKey = [];
        private readonly List<int> _first = [], _second = [];
        private readonly List<int> _standardCell = []; // 3 per pair: cell index of the unit-weight hard outcome, or −1
        private readonly Dictionary<(int Pair, PairOutcome Outcome, double Score, double Weight), int> _otherCell = [];
        private readonly List<int> _cellPair = [], _cellCount = [];
        private readonly List<PairOutcome> _cellOutcome = [];
        private readonly List<double> _cellScore = [], _cellWeight = [];

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

            int a = items.GetOrAdd(battle.ItemA), b = items.GetOrAdd(battle.ItemB);
            bool swapped = a > b;
            int first = swapped ? b : a, second = swapped ? a : b;
            PairOutcome outcome = battle.Outcome switch
            {
                BattleOutcome.A => swapped ? PairOutcome.SecondWins : PairOutcome.FirstWins,
                BattleOutcome.B => swapped ? PairOutcome.FirstWins : PairOutcome.SecondWins,
                _ => PairOutcome.Tie,
            };
            double firstScore = swapped ? 1 - battle.ScoreA : battle.ScoreA;
            int pair = PairOf(first, second);
            if (battle.Weight == 1 && firstScore == StandardScore(outcome))
            {
                int slot = 3 * pair + (int)outcome;
                int cell = _standardCell[slot];
                if (cell < 0) _standardCell[slot] = cell = NewCell(pair, outcome, firstScore, 1);
                _cellCount[cell]++;
            }
            else
            {
                var key = (pair, outcome, firstScore, battle.Weight);
                if (!_otherCell.TryGetValue(key, out int cell)) _otherCell.Add(key, cell = NewCell(pair, outcome, firstScore, battle.Weight));
                _cellCount[cell]++;
            }
        }

        public PairwiseCounts Build() => new(items, [.. _first], [.. _second], [.. _cellPair], [.. _cellOutcome],
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
}
