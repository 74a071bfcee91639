using System.Buffers.Binary;
using System.Text;

namespace PrefSharp.Torch.Runtime;

/// <summary>
/// Reads the GNU symbol-versioning tables of a 64-bit little-endian ELF shared object:
/// the versions it defines (<c>.gnu.version_d</c>, SHT_GNU_verdef) and the versions it needs from
/// other libraries (<c>.gnu.version_r</c>, SHT_GNU_verneed). Layouts follow the System V gABI and
/// the LSB "Symbol Versioning" chapter (Elf64_Verdef/Verdaux, Elf64_Verneed/Vernaux).
/// </summary>
public sealed class ElfVersionTables
{
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;

    private ElfVersionTables(IReadOnlyList<string> defined, IReadOnlyList<VersionNeed> needed)
    {
        Defined = defined;
        Needed = needed;
    }

    /// <summary>Version names this object defines (e.g. GLIBCXX_3.4.30 in libstdc++).</summary>
    public IReadOnlyList<string> Defined { get; }

    /// <summary>Versions this object requires, with the library that must provide each.</summary>
    public IReadOnlyList<VersionNeed> Needed { get; }

    public static ElfVersionTables Read(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses the tables from the bytes of an ELF file; <paramref name="name"/> is used in errors.</summary>
    public static ElfVersionTables Parse(ReadOnlySpan<byte> elf, string name)
    {
        if (elf.Length < 64 || !elf[..4].SequenceEqual("\u007FELF"u8))
            throw new InvalidDataException($"{name}: not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{name}: only 64-bit little-endian ELF is supported");

        var sections = ReadSectionHeaders(elf, name);
        var defined = new List<string>();
        var needed = new List<VersionNeed>();
        foreach (var section in sections)
        {
            if (section.Type == ShtGnuVerdef)
                ReadDefinitions(elf, section, sections[(int)section.Link], defined);
            else if (section.Type == ShtGnuVerneed)
                ReadNeeds(elf, section, sections[(int)section.Link], needed);
        }
        return new ElfVersionTables(defined, needed);
    }

    private static List<SectionHeader> ReadSectionHeaders(ReadOnlySpan<byte> elf, string name)
    {
        var offset = (long)U64(elf, 0x28);
        int entrySize = U16(elf, 0x3A), count = U16(elf, 0x3C);
        if (offset <= 0 || offset + (long)entrySize * count > elf.Length)
            throw new InvalidDataException($"{name}: section header table lies outside the file");
        var sections = new List<SectionHeader>(count);
        for (var i = 0; i < count; i++)
        {
            var at = (int)(offset + (long)i * entrySize);
            sections.Add(new SectionHeader(U32(elf, at + 4), (long)U64(elf, at + 0x18), U32(elf, at + 0x28), U32(elf, at + 0x2C)));
        }
        return sections;
    }

    private static void ReadDefinitions(ReadOnlySpan<byte> elf, SectionHeader section, SectionHeader strings, List<string> into)
    {
        var at = section.Offset;
        for (var i = 0u; i < section.Info; i++)
        {
            var auxOffset = U32(elf, (int)at + 12);
            into.Add(CString(elf, strings.Offset + U32(elf, (int)(at + auxOffset))));
            var next = U32(elf, (int)at + 16);
            if (next == 0) break;
            at += next;
        }
    }

    private static void ReadNeeds(ReadOnlySpan<byte> elf, SectionHeader section, SectionHeader strings, List<VersionNeed> into)
    {
        var at = section.Offset;
        for (var i = 0u; i < section.Info; i++)
        {
            var library = CString(elf, strings.Offset + U32(elf, (int)at + 4));
            var aux = at + U32(elf, (int)at + 8);
            for (var j = 0; j < U16(elf, (int)at + 2); j++)
            {
                var flagsOffset = aux + 4;
                into.Add(new VersionNeed(library, CString(elf, strings.Offset + U32(elf, (int)aux + 8)), U16(elf, (int)flagsOffset), flagsOffset));
                var nextAux = U32(elf, (int)aux + 12);
                if (nextAux == 0) break;
                aux += nextAux;
            }
            var next = U32(elf, (int)at + 12);
            if (next == 0) break;
            at += next;
        }
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
    private static ulong U64(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt64LittleEndian(b[at..]);

    private static string CString(ReadOnlySpan<byte> b, long at)
    {
        var tail = b[(int)at..];
        return Encoding.ASCII.GetString(tail[..tail.IndexOf((byte)0)]);
    }

    private readonly record struct SectionHeader(uint Type, long Offset, uint Link, uint Info);
}

/// <summary>One Elf64_Vernaux entry: <paramref name="Version"/> needed from <paramref name="Library"/>.</summary>
/// <param name="FlagsFileOffset">Byte offset of <c>vna_flags</c> in the file, where the weak flag is set.</param>
public sealed record VersionNeed(string Library, string Version, ushort Flags, long FlagsFileOffset)
{
    /// <summary>VER_FLG_WEAK: the loader only notes a missing weak version instead of refusing the object.</summary>
    public const ushort WeakFlag = 0x2;

    public bool IsWeak => (Flags & WeakFlag) != 0;
}
