package gradschool.core.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test helper: builds ZIP archives byte by byte, so that a test can make the headers declare
 * whatever it likes (sizes and checksums that do not match the data, ZIP64 fields, shared data),
 * which {@link java.util.zip.ZipOutputStream} would never write.
 */
final class ZipBytes {

    /** The 4-byte value that means "see the ZIP64 extra field". */
    static final long ZIP64_MARKER = 0xFFFFFFFFL;

    private final List<Member> members = new ArrayList<>();
    private boolean zip64EndRecord;

    /**
     * One member: the bytes written after its local header, and what both headers declare.
     *
     * @param name the member name
     * @param method 0 (stored) or 8 (deflated)
     * @param data the bytes in the archive (already deflated for method 8)
     * @param crc the declared CRC-32
     * @param size the declared uncompressed size
     */
    record Member(String name, int method, byte[] data, long crc, long size) {}

    /** Adds a stored member whose headers tell the truth. */
    ZipBytes stored(String name, byte[] content) {
        return add(new Member(name, 0, content, crc(content), content.length));
    }

    /** Adds a deflated member whose headers tell the truth. */
    ZipBytes deflated(String name, byte[] content) {
        return add(new Member(name, 8, deflate(content), crc(content), content.length));
    }

    /** Adds a member with whatever headers the test wants. */
    ZipBytes add(Member member) {
        members.add(member);
        return this;
    }

    /** Writes the end record's counts and offsets as 0xFFFF… and the real values in a ZIP64 end record. */
    ZipBytes withZip64EndRecord() {
        zip64EndRecord = true;
        return this;
    }

    /** Returns the archive. */
    byte[] toByteArray() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        for (Member member : members) {
            offsets.add((long) out.size());
            byte[] name = member.name().getBytes(StandardCharsets.UTF_8);
            boolean zip64 = needsZip64(member);
            ByteBuffer header = little(30 + name.length + (zip64 ? 20 : 0));
            header.putInt(0x04034b50).putShort((short) 45).putShort((short) 0).putShort((short) member.method())
                    .putInt(0).putInt((int) member.crc());
            putSizes(header, member, zip64);
            header.putShort((short) name.length).putShort((short) (zip64 ? 20 : 0)).put(name);
            putZip64Extra(header, member, zip64);
            out.writeBytes(header.array());
            out.writeBytes(member.data());
        }
        long directoryOffset = out.size();
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            byte[] name = member.name().getBytes(StandardCharsets.UTF_8);
            boolean zip64 = needsZip64(member);
            ByteBuffer entry = little(46 + name.length + (zip64 ? 20 : 0));
            entry.putInt(0x02014b50).putShort((short) 45).putShort((short) 45).putShort((short) 0)
                    .putShort((short) member.method()).putInt(0).putInt((int) member.crc());
            putSizes(entry, member, zip64);
            entry.putShort((short) name.length).putShort((short) (zip64 ? 20 : 0)).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) (long) offsets.get(i)).put(name);
            putZip64Extra(entry, member, zip64);
            out.writeBytes(entry.array());
        }
        long directorySize = out.size() - directoryOffset;
        if (zip64EndRecord) {
            long zip64EndOffset = out.size();
            ByteBuffer end64 = little(56 + 20);
            end64.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                    .putLong(members.size()).putLong(members.size()).putLong(directorySize).putLong(directoryOffset);
            end64.putInt(0x07064b50).putInt(0).putLong(zip64EndOffset).putInt(1);
            out.writeBytes(end64.array());
        }
        ByteBuffer end = little(22);
        end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0);
        if (zip64EndRecord) {
            end.putShort((short) -1).putShort((short) -1).putInt(-1).putInt(-1);
        } else {
            end.putShort((short) members.size()).putShort((short) members.size())
                    .putInt((int) directorySize).putInt((int) directoryOffset);
        }
        end.putShort((short) 0);
        out.writeBytes(end.array());
        return out.toByteArray();
    }

    private static boolean needsZip64(Member member) {
        return member.size() >= ZIP64_MARKER || member.data().length >= ZIP64_MARKER;
    }

    private static void putSizes(ByteBuffer header, Member member, boolean zip64) {
        if (zip64) {
            header.putInt(-1).putInt(-1);
        } else {
            header.putInt(member.data().length).putInt((int) member.size());
        }
    }

    private static void putZip64Extra(ByteBuffer header, Member member, boolean zip64) {
        if (zip64) {
            header.putShort((short) 1).putShort((short) 16).putLong(member.size()).putLong(member.data().length);
        }
    }

    private static ByteBuffer little(int length) {
        return ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Returns the CRC-32 of some bytes. */
    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Returns raw deflate data (no zlib header), as a ZIP member holds it. */
    static byte[] deflate(byte[] content) {
        return deflate(content, 0);
    }

    /**
     * Returns raw deflate data of {@code content} followed by {@code zeros} zero bytes, made in
     * chunks so that the zeros never exist in memory at once.
     */
    static byte[] deflate(byte[] content, long zeros) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 12];
        deflater.setInput(content);
        drain(deflater, buffer, out);
        byte[] zeroChunk = new byte[(int) Math.min(zeros, 1 << 20)];
        for (long left = zeros; left > 0; left -= zeroChunk.length) {
            deflater.setInput(zeroChunk, 0, (int) Math.min(zeroChunk.length, left));
            drain(deflater, buffer, out);
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static void drain(Deflater deflater, byte[] buffer, ByteArrayOutputStream out) {
        while (!deflater.needsInput()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    /** Returns the CRC-32 of {@code content} followed by {@code zeros} zero bytes. */
    static long crc(byte[] content, long zeros) {
        CRC32 crc = new CRC32();
        crc.update(content);
        byte[] zeroChunk = new byte[(int) Math.min(zeros, 1 << 20)];
        for (long left = zeros; left > 0; left -= zeroChunk.length) {
            crc.update(zeroChunk, 0, (int) Math.min(zeroChunk.length, left));
        }
        return crc.getValue();
    }
}
