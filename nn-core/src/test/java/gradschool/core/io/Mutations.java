package gradschool.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Test helper for the fuzz properties: small, described edits of a file's bytes (bit flips,
 * overwrites, truncation, insertion, deletion, and edits of a little-endian header field), and
 * jqwik generators of them.
 *
 * <p>Positions are generated without knowing the file and taken modulo its length when applied, so
 * one mutation list applies to any file. Each mutation prints what it did, so that a failing case
 * says exactly which bytes were changed.
 */
final class Mutations {

    private Mutations() {}

    /** An edit of a file's bytes. */
    interface Mutation {
        /**
         * Returns the edited bytes (a new array; the argument is left alone).
         *
         * @param bytes the file
         * @param fields byte positions of the file's header fields, for {@link SetField}
         */
        byte[] apply(byte[] bytes, List<Integer> fields);
    }

    /** Flips one bit. */
    record FlipBit(int position, int bit) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, List<Integer> fields) {
            byte[] out = bytes.clone();
            if (out.length > 0) {
                out[position % out.length] ^= (byte) (1 << bit);
            }
            return out;
        }
    }

    /** Replaces one byte. */
    record Overwrite(int position, byte value) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, List<Integer> fields) {
            byte[] out = bytes.clone();
            if (out.length > 0) {
                out[position % out.length] = value;
            }
            return out;
        }
    }

    /** Keeps only the first {@code position % length} bytes. */
    record Truncate(int position) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, List<Integer> fields) {
            return Arrays.copyOf(bytes, bytes.length == 0 ? 0 : position % bytes.length);
        }
    }

    /** Inserts bytes before a position. */
    record Insert(int position, byte[] inserted) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, List<Integer> fields) {
            int at = position % (bytes.length + 1);
            byte[] out = new byte[bytes.length + inserted.length];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(inserted, 0, out, at, inserted.length);
            System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
            return out;
        }

        @Override
        public String toString() {
            return "Insert[position=" + position + ", bytes=" + HexFormat.of().formatHex(inserted) + "]";
        }
    }

    /** Removes up to {@code count} bytes from a position. */
    record Delete(int position, int count) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, List<Integer> fields) {
            if (bytes.length == 0) {
                return bytes.clone();
            }
            int at = position % bytes.length;
            int removed = Math.min(count, bytes.length - at);
            byte[] out = new byte[bytes.length - removed];
            System.arraycopy(bytes, 0, out, 0, at);
            System.arraycopy(bytes, at + removed, out, at, bytes.length - at - removed);
            return out;
        }
    }

    /**
     * Writes a little-endian value of 1, 2, 4 or 8 bytes at one of the file's header fields
     * (chosen by {@code field % fields.size()}, then moved by {@code shift}): a length, size, count
     * or offset that now lies.
     */
    record SetField(int field, int shift, int width, long value) implements Mutation {
        @Override
        public byte[] apply(byte[] bytes, List<Integer> fields) {
            byte[] out = bytes.clone();
            if (fields.isEmpty()) {
                return out;
            }
            int at = fields.get(field % fields.size()) + shift;
            if (at < 0 || at + width > out.length) {
                return out;
            }
            ByteBuffer buffer = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            switch (width) {
                case 1 -> buffer.put(at, (byte) value);
                case 2 -> buffer.putShort(at, (short) value);
                case 4 -> buffer.putInt(at, (int) value);
                default -> buffer.putLong(at, value);
            }
            return out;
        }
    }

    /** Applies mutations in order. */
    static byte[] applyAll(byte[] bytes, List<Integer> fields, List<? extends Mutation> mutations) {
        byte[] out = bytes;
        for (Mutation mutation : mutations) {
            out = mutation.apply(out, fields);
        }
        return out;
    }

    // ---- generators ----

    /** Values that make lengths, sizes and counts lie in interesting ways. */
    static Arbitrary<Long> interestingValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, -1L, 0xFFL, 0xFFFFL, 0x7FFFFFFFL, 0x80000000L, 0xFFFFFFFFL, 0x100000000L,
                        Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40),
                Arbitraries.longs().between(0, 1 << 20));
    }

    /** One mutation of any kind, with byte positions anywhere or (half the time) in the first 256 bytes. */
    static Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> position = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255), Arbitraries.integers().between(0, Integer.MAX_VALUE));
        Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
                Arbitraries.of((byte) 0, (byte) -1, (byte) '(', (byte) ')', (byte) ',', (byte) '-', (byte) '9',
                        (byte) '\'', (byte) ' ', (byte) '\n', (byte) 'P', (byte) 'K', (byte) 0x80));
        return Arbitraries.oneOf(
                Combinators.combine(position, Arbitraries.integers().between(0, 7)).as(FlipBit::new),
                Combinators.combine(position, value).as(Overwrite::new),
                position.map(Truncate::new),
                Combinators.combine(position, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12))
                        .as(Insert::new),
                Combinators.combine(position, Arbitraries.integers().between(1, 40)).as(Delete::new),
                Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.integers().between(-2, 2),
                        Arbitraries.of(1, 2, 4, 8), interestingValues()).as(SetField::new));
    }

    /** One to three mutations. */
    static Arbitrary<List<Mutation>> mutationLists() {
        return mutations().list().ofMinSize(1).ofMaxSize(3);
    }
}
