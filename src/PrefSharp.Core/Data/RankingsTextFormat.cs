using System.Text;

namespace PrefSharp.Core.Data;

/// <summary>
/// Rankings as text rows <c>item group place</c> after a header line (NASCAR 2002: <c>DriverID Race Place</c>),
/// columns separated by spaces, tabs or commas. Consecutive rows of a group make one <see cref="ItemRanking"/>
/// (items in row order, <see cref="ItemRanking.Order"/> by place, GroupId = the group). Read in constant memory, so
/// a group's rows must be contiguous; a group that comes back after another is an error.
/// </summary>
public sealed class RankingsTextFormat : IDataFormat
{
    private static readonly char[] Separators = [' ', '\t', ','];

    public string Name => "rankings-txt";

    public string Description => "text rows \"item group place\" with a header line (e.g. NASCAR 2002 \"DriverID Race Place\")";

    /// <summary>Streams the rankings; each bad row goes to <paramref name="onError"/>, which throws or counts it.</summary>
    public IEnumerable<PreferenceRecord> Read(string path, Action<DataFormatException> onError)
    {
        using var stream = InputFile.OpenDecompressed(path);
        var lines = new Utf8LineReader(stream);
        string[]? header = null;
        var seenGroups = new HashSet<string>(StringComparer.Ordinal);
        GroupBuilder? group = null;
        while (lines.TryReadLine(out var bytes))
        {
            if (Utf8Check.Error(bytes.Span, new SourceLocation(path, lines.LineNumber)) is { } invalid)
            {
                onError(invalid);
                continue;
            }
            var columns = Encoding.UTF8.GetString(bytes.Span).Split(Separators, StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length == 0)
            {
                continue;
            }
            var location = new SourceLocation(path, lines.LineNumber);
            if (header is null)
            {
                header = columns.Length >= 3 ? columns
                    : throw new DataFormatException(location, null, Problems.MalformedRow, "a header line naming the item, group and place columns", $"got {columns.Length} column(s)");
                continue;
            }
            ItemRanking? finished = null;
            try
            {
                var (item, groupId, place) = ParseRow(columns, header, location);
                if (group?.GroupId != groupId)
                {
                    finished = group?.Build();
                    group = null;
                    group = seenGroups.Add(groupId) ? new GroupBuilder(groupId, location)
                        : throw new DataFormatException(location, header[1], Problems.MalformedRow, "the rows of a group together", $"group \"{groupId}\" appears again after other groups");
                }
                group.Add(item, place, header, location);
            }
            catch (DataFormatException error)
            {
                onError(error);
            }
            if (finished is not null)
            {
                yield return finished;
            }
        }
        if (group?.Build() is { } last)
        {
            yield return last;
        }
    }

    private static (string Item, string Group, int Place) ParseRow(string[] columns, string[] header, SourceLocation location)
    {
        if (columns.Length != header.Length)
        {
            throw new DataFormatException(location, null, Problems.MalformedRow, $"{header.Length} columns as in the header", $"got {columns.Length}");
        }
        return int.TryParse(columns[2], out var place) && place >= 1
            ? (columns[0], columns[1], place)
            : throw new DataFormatException(location, header[2], Problems.WrongType, "a place 1, 2, 3, …", $"got \"{columns[2]}\"");
    }

    /// <summary>Collects the rows of one group.</summary>
    private sealed class GroupBuilder(string groupId, SourceLocation location)
    {
        private readonly List<RankedItem> items = [];
        private readonly List<int> places = [];

        public string GroupId => groupId;

        public void Add(string item, int place, string[] header, SourceLocation rowLocation)
        {
            if (items.Any(existing => existing.Name == item))
            {
                throw new DataFormatException(rowLocation, header[0], Problems.SelfComparison, "each item once per group", $"\"{item}\" again in group \"{groupId}\"");
            }
            if (places.Contains(place))
            {
                throw new DataFormatException(rowLocation, header[2], Problems.OutOfRange, "distinct places within a group", $"place {place} again in group \"{groupId}\"");
            }
            items.Add(new RankedItem(item));
            places.Add(place);
        }

        /// <summary>The ranking, or null when every row of the group was invalid (and skipped).</summary>
        public ItemRanking? Build() => items.Count == 0 ? null : new(items.ToArray())
        {
            GroupId = groupId,
            Order = Enumerable.Range(0, items.Count).OrderBy(index => places[index]).ToArray(),
            Location = location,
        };
    }
}
