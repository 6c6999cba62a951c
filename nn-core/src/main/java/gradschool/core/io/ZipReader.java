package gradschool.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads the members of a ZIP archive for {@link Npz}, trusting no size or name until it is checked.
 *
 * <h2>The parts of a ZIP file</h2>
 * <pre>
 * | local header 1 | data 1 | local header 2 | data 2 | ... | central directory | end record |
 * </pre>
 * <ul>
 *   <li>The <b>end record</b> ("end of central directory"), the last 22 bytes before an optional
 *       comment, says where the central directory starts, how long it is and how many entries it
 *       has. In a ZIP64 archive (over 4 GiB or 65,535 members) those fields may be {@code 0xFFFF…}
 *       and a ZIP64 end record, found through a 20-byte locator just before the end record, holds
 *       the 8-byte values.
 *   <li>The <b>central directory</b> has one entry per member: its name, compression method,
 *       CRC-32, compressed and uncompressed sizes, and where its local header is. A size or offset
 *       of {@code 0xFFFFFFFF} means "see the ZIP64 extra field" (id 1), which lists the large
 *       values in a fixed order.
 *   <li>Each member's <b>local header</b> repeats the name, the method and, unless bit 3 of its
 *       flags says that a "data descriptor" follows the data instead, the CRC-32 and sizes. The
 *       member's bytes follow it: stored as they are (method 0) or deflated (method 8, RFC 1951).
 * </ul>
 * The central directory is the archive's table of contents, and a reader that believes only it
 * (as {@link java.util.zip.ZipFile} does) reads a member whose local header has been damaged
 * without noticing. Because the format says everything twice, this reader compares the two.
 *
 * <h2>The checks, in the order they are made</h2>
 * <ol>
 *   <li>{@link #findEndRecord}: the file ends with an end record, and the central directory lies
 *       inside the file, before it.
 *   <li>{@link #readCentralDirectory}: the entries fill the central directory exactly; no size or
 *       offset is beyond 2<sup>63</sup>.
 *   <li>{@link #checkMethodAndSizes}: only stored and deflated members, none encrypted; a stored
 *       member's two sizes are equal; a deflated member does not claim to inflate to more than
 *       {@link #MAX_DEFLATE_RATIO} times its compressed size, the most deflate can produce.
 *   <li>{@link #checkLocalHeaderAgrees}: each local header lies before the central directory and
 *       has the same name, method and (where it has them) CRC-32 and sizes as the central entry.
 *   <li>{@link #checkMembersDoNotOverlap}: each member's bytes end before the next member's local
 *       header (or the central directory) starts. Overlapping members are how a small "zip bomb"
 *       makes many entries share the same highly compressed bytes.
 *   <li>{@link MemberInput}: reading a member never returns more than its declared size; at its
 *       end, the data must stop exactly there and its CRC-32 must match.
 * </ol>
 * So nothing here allocates or inflates more than the file can really hold: every length is
 * compared with the file's size before it is used.
 */
final class ZipReader implements Closeable {

    /**
     * The most bytes one compressed byte of deflate data can inflate to. A deflate stream repeats
     * earlier bytes by "matches" of at most 258 bytes, and each match costs at least 2 bits (one for
     * its length code, one for its distance code, when each Huffman tree has a single 1-bit code);
     * 4 matches per byte give 4 × 258 = 1032 bytes.
     */
    static final long MAX_DEFLATE_RATIO = 1032;

    /** Compression method 0: the bytes are stored as they are. */
    static final int STORED = 0;
    /** Compression method 8: the bytes are deflated (RFC 1951). */
    static final int DEFLATED = 8;

    private static final int LOCAL_HEADER_SIGNATURE = 0x04034b50;
    private static final int CENTRAL_HEADER_SIGNATURE = 0x02014b50;
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ZIP64_END_SIGNATURE = 0x06064b50;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;

    private static final int LOCAL_HEADER_LENGTH = 30;
    private static final int CENTRAL_HEADER_LENGTH = 46;
    private static final int END_LENGTH = 22;
    private static final int ZIP64_LOCATOR_LENGTH = 20;
    private static final int ZIP64_END_LENGTH = 56;
    private static final int MAX_COMMENT_LENGTH = 0xFFFF;

    private static final int ZIP64_EXTRA_ID = 0x0001;
    /** A 4-byte size or offset with this value is given in the ZIP64 extra field instead. */
    private static final long ZIP64_MARKER_32 = 0xFFFFFFFFL;
    /** A 2-byte count with this value is given in the ZIP64 end record instead. */
    private static final int ZIP64_MARKER_16 = 0xFFFF;

    private static final int FLAG_ENCRYPTED = 0x0001;
    private static final int FLAG_DATA_DESCRIPTOR = 0x0008;

    /** Compressed bytes are read in chunks of this size. */
    private static final int CHUNK_BYTES = 1 << 16;

    /**
     * One member, as the central directory describes it.
     *
     * @param name the member's name, such as {@code weight.npy}
     * @param nameBytes the name as stored (UTF-8), compared byte for byte with the local header's
     * @param method {@link #STORED} or {@link #DEFLATED}
     * @param flags the general-purpose flags
     * @param crc the CRC-32 of the uncompressed bytes
     * @param compressedSize the number of bytes in the archive
     * @param size the number of bytes after inflating
     * @param localHeaderOffset where the member's local header starts
     * @param dataStart where the member's bytes start (after the local header), or -1 until that
     *     header has been read
     */
    record Member(String name, byte[] nameBytes, int method, int flags, long crc, long compressedSize,
                  long size, long localHeaderOffset, long dataStart) {

        /** Tells whether this is a directory entry (a name ending in {@code /}), which holds no array. */
        boolean isDirectory() {
            return name.endsWith("/");
        }

        long dataEnd() {
            return dataStart + compressedSize;
        }

        Member withDataStart(long start) {
            return new Member(name, nameBytes, method, flags, crc, compressedSize, size, localHeaderOffset, start);
        }
    }

    /** Where the central directory is, according to the end record. */
    private record Directory(long offset, long size, long entries) {}

    private final SeekableByteChannel channel;
    private final String source;
    private final long fileLength;
    private final List<Member> members;

    private ZipReader(SeekableByteChannel channel, String source) throws IOException {
        this.channel = channel;
        this.source = source;
        this.fileLength = channel.size();
        Directory directory = findEndRecord();
        List<Member> checked = new ArrayList<>();
        for (Member member : readCentralDirectory(directory)) {
            checkMethodAndSizes(member);
            checked.add(member.withDataStart(checkLocalHeaderAgrees(member, directory.offset())));
        }
        checkMembersDoNotOverlap(checked, directory.offset());
        this.members = List.copyOf(checked);
    }

    /**
     * Opens an archive and checks its structure (every step but reading the members' data).
     *
     * @param file the archive
     * @return the reader, to be closed
     * @throws NpyFormatException naming the file, if it is not a ZIP archive or fails a check
     * @throws IOException if the file cannot be read
     */
    static ZipReader open(Path file) throws IOException {
        return open(FileChannel.open(file, StandardOpenOption.READ), file.toString());
    }

    /**
     * Reads an archive from a channel (a file, or bytes in memory) and checks its structure.
     *
     * @param channel the archive's bytes; closed with the reader, or at once if a check fails
     * @param source the archive's name for error messages
     * @return the reader, to be closed
     * @throws NpyFormatException naming {@code source}, if it is not a ZIP archive or fails a check
     * @throws IOException if the channel cannot be read
     */
    static ZipReader open(SeekableByteChannel channel, String source) throws IOException {
        try {
            return new ZipReader(channel, source);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Returns the members in central-directory order, each checked against its local header.
     *
     * @return the members
     */
    List<Member> members() {
        return members;
    }

    /**
     * Opens a member's uncompressed bytes.
     *
     * @param member one of {@link #members()}
     * @param memberSource the name for error messages, such as {@code model.npz!weight.npy}
     * @return a stream of at most {@code member.size()} bytes
     */
    MemberInput open(Member member, String memberSource) {
        return new MemberInput(member, memberSource);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    // ---------------------------------------------------------------------------------------
    // The checks
    // ---------------------------------------------------------------------------------------

    /**
     * Finds the end record (searching back over a possible comment) and, through it, the central
     * directory, which must lie inside the file before the end record.
     */
    private Directory findEndRecord() throws IOException {
        if (fileLength < END_LENGTH) {
            throw error(0, "not a ZIP archive: " + fileLength + " bytes is shorter than the " + END_LENGTH
                    + "-byte end record every archive ends with");
        }
        long searchStart = Math.max(0, fileLength - END_LENGTH - MAX_COMMENT_LENGTH);
        ByteBuffer tail = read(searchStart, (int) (fileLength - searchStart), "the end of the file");
        int at = tail.limit() - END_LENGTH;
        // The end record is the last signature whose comment runs exactly to the end of the file.
        while (at >= 0 && !(tail.getInt(at) == END_SIGNATURE
                && at + END_LENGTH + unsigned16(tail, at + 20) == tail.limit())) {
            at--;
        }
        if (at < 0) {
            throw error(fileLength, "not a ZIP archive (or one cut short): no end-of-central-directory record"
                    + " in the last " + tail.limit() + " bytes");
        }
        long endOffset = searchStart + at;
        long entries = unsigned16(tail, at + 10);
        long size = unsigned32(tail, at + 12);
        long offset = unsigned32(tail, at + 16);
        long directoryLimit = endOffset;
        long zip64EndOffset = entries == ZIP64_MARKER_16 || size == ZIP64_MARKER_32 || offset == ZIP64_MARKER_32
                ? findZip64EndRecord(endOffset) : -1;
        if (zip64EndOffset >= 0) {
            ByteBuffer zip64End = read(zip64EndOffset, ZIP64_END_LENGTH, "the ZIP64 end record");
            if (zip64End.getInt(0) != ZIP64_END_SIGNATURE) {
                throw error(zip64EndOffset, "no ZIP64 end record where the locator points");
            }
            entries = nonNegative64(zip64End, 32, "the ZIP64 end record's entry count");
            size = nonNegative64(zip64End, 40, "the ZIP64 end record's central directory size");
            offset = nonNegative64(zip64End, 48, "the ZIP64 end record's central directory offset");
            directoryLimit = zip64EndOffset;
        }
        if (offset > directoryLimit || size > directoryLimit - offset) {
            throw error(endOffset, "the central directory (" + size + " bytes at byte " + offset
                    + ") does not fit in the file before the end record at byte " + directoryLimit);
        }
        if (entries > size / CENTRAL_HEADER_LENGTH) {
            throw error(endOffset, "the end record counts " + entries + " entries, more than a " + size
                    + "-byte central directory can hold");
        }
        return new Directory(offset, size, entries);
    }

    /**
     * Reads the ZIP64 locator just before the end record: the offset of the ZIP64 end record, or -1
     * if there is no locator (then a field of {@code 0xFFFF…} is just that number, as in an archive
     * of exactly 65,535 members).
     */
    private long findZip64EndRecord(long endOffset) throws IOException {
        long locatorOffset = endOffset - ZIP64_LOCATOR_LENGTH;
        if (locatorOffset < 0) {
            return -1;
        }
        ByteBuffer locator = read(locatorOffset, ZIP64_LOCATOR_LENGTH, "the ZIP64 locator");
        if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE) {
            return -1;
        }
        long zip64EndOffset = nonNegative64(locator, 8, "the ZIP64 end record's offset");
        if (zip64EndOffset > locatorOffset - ZIP64_END_LENGTH) {
            throw error(locatorOffset, "the ZIP64 end record's offset " + zip64EndOffset
                    + " is not before the locator");
        }
        return zip64EndOffset;
    }

    /** Parses every central directory entry; together they must fill the directory exactly. */
    private List<Member> readCentralDirectory(Directory directory) throws IOException {
        if (directory.size() > Integer.MAX_VALUE) {
            throw error(directory.offset(), "a central directory of " + directory.size()
                    + " bytes is more than this reader accepts");
        }
        ByteBuffer entries = read(directory.offset(), (int) directory.size(), "the central directory");
        List<Member> members = new ArrayList<>();
        int at = 0;
        for (long i = 0; i < directory.entries(); i++) {
            long where = directory.offset() + at;
            if (entries.limit() - at < CENTRAL_HEADER_LENGTH || entries.getInt(at) != CENTRAL_HEADER_SIGNATURE) {
                throw error(where, "central directory entry " + i + " of " + directory.entries() + " is missing");
            }
            int nameLength = unsigned16(entries, at + 28);
            int extraLength = unsigned16(entries, at + 30);
            int commentLength = unsigned16(entries, at + 32);
            int entryLength = CENTRAL_HEADER_LENGTH + nameLength + extraLength + commentLength;
            if (entryLength > entries.limit() - at) {
                throw error(where, "central directory entry " + i + " runs past the end of the directory");
            }
            byte[] nameBytes = bytes(entries, at + CENTRAL_HEADER_LENGTH, nameLength);
            String name = decodeName(nameBytes, where);
            ByteBuffer extra = entries.slice(at + CENTRAL_HEADER_LENGTH + nameLength, extraLength)
                    .order(ByteOrder.LITTLE_ENDIAN);
            // The ZIP64 extra field lists, in this order, the values whose 4-byte field is 0xFFFFFFFF.
            long[] values = {unsigned32(entries, at + 24), unsigned32(entries, at + 20), unsigned32(entries, at + 42)};
            resolveZip64(values, extra, where, "'" + name + "' in the central directory");
            members.add(new Member(name, nameBytes, unsigned16(entries, at + 10), unsigned16(entries, at + 8),
                    unsigned32(entries, at + 16), values[1], values[0], values[2], -1));
            at += entryLength;
        }
        if (at != entries.limit()) {
            throw error(directory.offset() + at, "the central directory has " + (entries.limit() - at)
                    + " bytes after the " + directory.entries() + " entries the end record counts");
        }
        return members;
    }

    /**
     * Checks what can be checked of a member before reading it: a method we can read, no
     * encryption, and sizes that the method makes possible.
     */
    private void checkMethodAndSizes(Member member) throws NpyFormatException {
        String what = "member '" + member.name() + "'";
        if ((member.flags() & FLAG_ENCRYPTED) != 0) {
            throw error(member.localHeaderOffset(), what + " is encrypted, which .npz files never are");
        }
        if (member.method() != STORED && member.method() != DEFLATED) {
            throw error(member.localHeaderOffset(), what + " uses compression method " + member.method()
                    + "; .npz members are stored (0) or deflated (8)");
        }
        if (member.method() == STORED && member.size() != member.compressedSize()) {
            throw error(member.localHeaderOffset(), what + " is stored (not compressed) but its sizes differ: "
                    + member.compressedSize() + " bytes in the archive, " + member.size() + " declared");
        }
        if (member.method() == DEFLATED && member.size() > MAX_DEFLATE_RATIO * member.compressedSize()) {
            throw error(member.localHeaderOffset(), what + " declares " + member.size()
                    + " bytes uncompressed, but " + member.compressedSize() + " deflated bytes inflate to at most "
                    + MAX_DEFLATE_RATIO * member.compressedSize());
        }
    }

    /**
     * Reads a member's local header and checks that it agrees with the central directory: the same
     * name (byte for byte), method, and, unless the sizes follow the data in a data descriptor, the
     * same CRC-32 and sizes.
     *
     * @return where the member's bytes start
     */
    private long checkLocalHeaderAgrees(Member member, long directoryOffset) throws IOException {
        long at = member.localHeaderOffset();
        String what = "member '" + member.name() + "'";
        if (at > directoryOffset - LOCAL_HEADER_LENGTH) {
            throw error(at, "the local header of " + what + " would not end before the central directory"
                    + " at byte " + directoryOffset);
        }
        ByteBuffer header = read(at, LOCAL_HEADER_LENGTH, "the local header of " + what);
        if (header.getInt(0) != LOCAL_HEADER_SIGNATURE) {
            throw error(at, "no local header for " + what + " where the central directory says it starts");
        }
        int nameLength = unsigned16(header, 26);
        int extraLength = unsigned16(header, 28);
        long dataStart = at + LOCAL_HEADER_LENGTH + nameLength + extraLength;
        if (dataStart > directoryOffset) {
            throw error(at, "the local header of " + what + " runs into the central directory");
        }
        ByteBuffer nameAndExtra = read(at + LOCAL_HEADER_LENGTH, nameLength + extraLength, "the local header of " + what);
        byte[] localName = bytes(nameAndExtra, 0, nameLength);
        if (!Arrays.equals(localName, member.nameBytes())) {
            throw error(at, "the local header names the member '" + new String(localName, StandardCharsets.UTF_8)
                    + "' but the central directory names it '" + member.name() + "': the archive is corrupt");
        }
        int method = unsigned16(header, 8);
        if (method != member.method()) {
            throw error(at, "the local header of " + what + " says compression method " + method
                    + " but the central directory says " + member.method());
        }
        if ((unsigned16(header, 6) & FLAG_DATA_DESCRIPTOR) == 0) {
            long crc = unsigned32(header, 14);
            long[] sizes = {unsigned32(header, 22), unsigned32(header, 18)};
            resolveZip64(sizes, nameAndExtra.slice(nameLength, extraLength).order(ByteOrder.LITTLE_ENDIAN),
                    at, "the local header of " + what);
            if (crc != member.crc() || sizes[1] != member.compressedSize() || sizes[0] != member.size()) {
                throw error(at, String.format("the local header of %s says CRC-32 %08x, %d bytes compressed,"
                                + " %d uncompressed, but the central directory says %08x, %d, %d", what, crc,
                        sizes[1], sizes[0], member.crc(), member.compressedSize(), member.size()));
            }
        }
        return dataStart;
    }

    /**
     * Checks that the members' bytes lie one after another: each ends before the next local header,
     * and the last before the central directory.
     */
    private void checkMembersDoNotOverlap(List<Member> members, long directoryOffset) throws NpyFormatException {
        List<Member> inFileOrder = new ArrayList<>(members);
        inFileOrder.sort(Comparator.comparingLong(Member::localHeaderOffset));
        for (int i = 0; i < inFileOrder.size(); i++) {
            Member member = inFileOrder.get(i);
            boolean last = i + 1 == inFileOrder.size();
            long limit = last ? directoryOffset : inFileOrder.get(i + 1).localHeaderOffset();
            if (member.compressedSize() > limit - member.dataStart()) {
                throw error(member.dataStart(), "the " + member.compressedSize() + " bytes of member '"
                        + member.name() + "' run past " + (last ? "the central directory" : "the next member's"
                        + " local header") + " at byte " + limit);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Reading a member
    // ---------------------------------------------------------------------------------------

    /**
     * A member's uncompressed bytes: never more than its declared size. {@link #checkComplete}
     * then checks that the data really stops there and that the CRC-32 matches.
     */
    final class MemberInput extends InputStream {
        private final Member member;
        private final String memberSource;
        private final Inflater inflater;
        private final byte[] compressedChunk;
        private final CRC32 crc = new CRC32();
        private long compressedRead;
        private long delivered;

        private MemberInput(Member member, String memberSource) {
            this.member = member;
            this.memberSource = memberSource;
            boolean deflated = member.method() == DEFLATED;
            this.inflater = deflated ? new Inflater(true) : null; // raw deflate: no zlib header
            this.compressedChunk = deflated ? new byte[(int) Math.min(CHUNK_BYTES, member.compressedSize())] : null;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? Byte.toUnsignedInt(one[0]) : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (delivered == member.size()) {
                return -1;
            }
            int wanted = (int) Math.min(length, member.size() - delivered);
            int got = inflater == null ? readStored(into, offset, wanted) : inflate(into, offset, wanted);
            if (got <= 0) {
                throw new NpyFormatException(memberSource, "the member's data ends after " + delivered
                        + " of the " + member.size() + " bytes the archive declares", null);
            }
            crc.update(into, offset, got);
            delivered += got;
            return got;
        }

        /**
         * Checks, once every declared byte has been read, that the member holds no more (a deflate
         * stream that would inflate further is rejected without inflating it) and that its CRC-32
         * is the one the archive records.
         *
         * @throws NpyFormatException naming the member if either check fails
         */
        void checkComplete() throws IOException {
            if (delivered != member.size()) {
                throw new NpyFormatException(memberSource, "only " + delivered + " of the member's "
                        + member.size() + " bytes were read", null);
            }
            if (inflater != null && inflate(new byte[1], 0, 1) > 0) {
                throw new NpyFormatException(memberSource, "the member inflates to more than the "
                        + member.size() + " bytes the archive declares", null);
            }
            if (crc.getValue() != member.crc()) {
                throw new NpyFormatException(memberSource, String.format(
                        "CRC-32 is %08x but the archive says %08x: the member is corrupt",
                        crc.getValue(), member.crc()), null);
            }
        }

        private int readStored(byte[] into, int offset, int length) throws IOException {
            ByteBuffer target = ByteBuffer.wrap(into, offset, length);
            return readAt(target, member.dataStart() + delivered);
        }

        /** Inflates up to {@code length} bytes; returns 0 or -1 if the deflate stream has ended. */
        private int inflate(byte[] into, int offset, int length) throws IOException {
            try {
                while (true) {
                    int got = inflater.inflate(into, offset, length);
                    if (got > 0 || inflater.finished()) {
                        return got;
                    }
                    if (inflater.needsDictionary()) {
                        throw new NpyFormatException(memberSource, "corrupt deflate data: it asks for a preset"
                                + " dictionary", null);
                    }
                    if (!inflater.needsInput()) {
                        throw new NpyFormatException(memberSource, "corrupt deflate data: the inflater stopped"
                                + " after " + delivered + " bytes", null);
                    }
                    feedCompressedBytes();
                }
            } catch (DataFormatException e) {
                throw new NpyFormatException(memberSource, "corrupt deflate data: " + e.getMessage(), e);
            }
        }

        private void feedCompressedBytes() throws IOException {
            long remaining = member.compressedSize() - compressedRead;
            if (remaining == 0) {
                throw new NpyFormatException(memberSource, "the deflate data ends before its end marker, after "
                        + member.compressedSize() + " compressed bytes (" + delivered + " inflated)", null);
            }
            int length = (int) Math.min(compressedChunk.length, remaining);
            ByteBuffer chunk = ByteBuffer.wrap(compressedChunk, 0, length);
            while (chunk.hasRemaining()) {
                if (readAt(chunk, member.dataStart() + compressedRead + chunk.position()) < 0) {
                    throw new NpyFormatException(memberSource, "the file ends inside the member's data", null);
                }
            }
            compressedRead += length;
            inflater.setInput(compressedChunk, 0, length);
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Bytes
    // ---------------------------------------------------------------------------------------

    /** Reads {@code length} bytes at {@code position} (little-endian); the caller has bounded the length. */
    private ByteBuffer read(long position, int length, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (position + buffer.position() >= fileLength
                    || readAt(buffer, position + buffer.position()) < 0) {
                throw error(position, "the file ends inside " + what);
            }
        }
        return buffer.flip();
    }

    /** Reads from the channel at a position into the buffer; returns the count, or -1 at the end. */
    private int readAt(ByteBuffer buffer, long position) throws IOException {
        channel.position(position);
        return channel.read(buffer);
    }

    /**
     * Replaces each value that is {@code 0xFFFFFFFF} by the next 8-byte value of the ZIP64 extra
     * field, if the extra fields have one (id 1).
     */
    private void resolveZip64(long[] values, ByteBuffer extra, long where, String what) throws NpyFormatException {
        int at = 0;
        while (extra.limit() - at >= 4) {
            int id = unsigned16(extra, at);
            int length = unsigned16(extra, at + 2);
            if (length > extra.limit() - at - 4) {
                throw error(where, "an extra field of " + what + " runs past the end of its header");
            }
            if (id == ZIP64_EXTRA_ID) {
                int next = at + 4;
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != ZIP64_MARKER_32) {
                        continue;
                    }
                    if (next + 8 > at + 4 + length) {
                        throw error(where, "the ZIP64 extra field of " + what + " is too short");
                    }
                    values[i] = nonNegative64(extra, next, "a ZIP64 size or offset of " + what);
                    next += 8;
                }
                return;
            }
            at += 4 + length;
        }
    }

    private String decodeName(byte[] nameBytes, long where) throws NpyFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(nameBytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw error(where, "a member name in the central directory is not valid UTF-8");
        }
    }

    private long nonNegative64(ByteBuffer buffer, int at, String what) throws NpyFormatException {
        long value = buffer.getLong(at);
        if (value < 0) {
            throw error(-1, what + " is " + Long.toUnsignedString(value) + ", more than 2^63");
        }
        return value;
    }

    private static int unsigned16(ByteBuffer buffer, int at) {
        return Short.toUnsignedInt(buffer.getShort(at));
    }

    private static long unsigned32(ByteBuffer buffer, int at) {
        return Integer.toUnsignedLong(buffer.getInt(at));
    }

    private static byte[] bytes(ByteBuffer buffer, int at, int length) {
        byte[] bytes = new byte[length];
        buffer.get(at, bytes);
        return bytes;
    }

    private NpyFormatException error(long offset, String problem) {
        return offset < 0 ? new NpyFormatException(source, problem, null) : new NpyFormatException(source, offset, problem);
    }
}
