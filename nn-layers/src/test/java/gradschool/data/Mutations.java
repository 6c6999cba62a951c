package gradschool.data;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a valid file for the fuzz properties: bit flips, byte overwrites, truncation,
 * insertion, deletion, duplication, and edits of 32-bit header fields or of text fields. Each call
 * says what it did, so that a failing case can be rebuilt by hand.
 */
public final class Mutations {

    /** Integers a corrupt header likes to hold: signs, limits, and products just over 2³¹. */
    private static final int[] INTERESTING_INTS = {0, 1, -1, 2, 255, 256, 65535, 65536, 1 << 20, 1 << 24,
        (1 << 24) + 1, 46341, 1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 7, 2049, 2051};

    /** Bytes a corrupt file likes to hold. */
    private static final int[] INTERESTING_BYTES = {0x00, 0xff, 0x7f, 0x80, 0x01, '\n', '\r', ',', '-', '.', 'e'};

    /** Fields a corrupt or hand-edited CSV file may hold instead of a number. */
    public static final List<String> INTERESTING_FIELDS = List.of("1f", "1d", "0x1p3", "0X10", "\u0663", "\uff13",
            "+3", "-3", "-0", "3.", ".5", "1e", "1e999", "-1e999", "1e-999", "NaN", "Infinity", "", " ", "1_0",
            "99999999999", "-2147483648", "2147483648", "17", "10", "16", "00016", " 7 ", "\t1", "1\u00a0",
            "setosa", "virginica", "Iris-setosa", "5.1,3.5", "\"5.1\"", "1".repeat(5000));

    private final Random random;
    private final StringBuilder description = new StringBuilder();

    /**
     * Creates a source of mutations.
     *
     * @param seed the seed: the same seed gives the same mutations
     */
    public Mutations(long seed) {
        this.random = new Random(seed);
        description.append("seed ").append(seed).append(':');
    }

    /**
     * Returns what has been done so far, for a failure message.
     *
     * @return the description
     */
    public String description() {
        return description.toString();
    }

    /**
     * Returns the random generator, for choices of the caller's own.
     *
     * @return the generator
     */
    public Random random() {
        return random;
    }

    /**
     * Applies 1 to 3 random byte-level mutations.
     *
     * @param original the valid bytes; not changed
     * @param headerOffsets offsets of 32-bit big-endian header fields worth editing (may be empty)
     * @return the mutated copy
     */
    public byte[] mutateBytes(byte[] original, int... headerOffsets) {
        byte[] bytes = original.clone();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            bytes = mutateOnce(bytes, headerOffsets);
        }
        return bytes;
    }

    private byte[] mutateOnce(byte[] bytes, int[] headerOffsets) {
        int kind = random.nextInt(headerOffsets.length > 0 ? 9 : 8);
        if (bytes.length == 0 && kind != 4) {
            kind = 4; // only an insertion changes an empty file
        }
        switch (kind) {
            case 0, 1 -> { // a bit flip, the commonest corruption
                int at = random.nextInt(bytes.length);
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                note("flip bit " + bit + " of byte " + at);
            }
            case 2 -> {
                int at = random.nextInt(bytes.length);
                int value = random.nextBoolean() ? random.nextInt(256)
                        : INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
                bytes[at] = (byte) value;
                note("set byte " + at + " to " + value);
            }
            case 3 -> {
                int length = random.nextInt(bytes.length);
                bytes = Arrays.copyOf(bytes, length);
                note("truncate to " + length + " bytes");
            }
            case 4 -> {
                int at = random.nextInt(bytes.length + 1);
                byte[] inserted = new byte[1 + random.nextInt(random.nextBoolean() ? 4 : 64)];
                if (random.nextBoolean()) {
                    random.nextBytes(inserted);
                } else {
                    Arrays.fill(inserted, (byte) INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]);
                }
                bytes = splice(bytes, at, 0, inserted);
                note("insert " + inserted.length + " bytes at " + at);
            }
            case 5 -> {
                int at = random.nextInt(bytes.length);
                int length = 1 + random.nextInt(Math.min(16, bytes.length - at));
                bytes = splice(bytes, at, length, new byte[0]);
                note("delete " + length + " bytes at " + at);
            }
            case 6 -> {
                int at = random.nextInt(bytes.length);
                int length = 1 + random.nextInt(Math.min(64, bytes.length - at));
                bytes = splice(bytes, at, 0, Arrays.copyOfRange(bytes, at, at + length));
                note("duplicate " + length + " bytes at " + at);
            }
            case 7 -> { // a 32-bit big-endian field anywhere
                if (bytes.length < 4) {
                    return mutateOnce(bytes, headerOffsets);
                }
                int at = random.nextInt(bytes.length - 3);
                int value = interestingInt();
                ByteBuffer.wrap(bytes).putInt(at, value);
                note("set int32 at " + at + " to " + value);
            }
            default -> { // a header field
                int at = headerOffsets[random.nextInt(headerOffsets.length)];
                if (at + 4 > bytes.length) {
                    return mutateOnce(bytes, headerOffsets);
                }
                int value = interestingInt();
                ByteBuffer.wrap(bytes).putInt(at, value);
                note("set header field at byte " + at + " to " + value);
            }
        }
        return bytes;
    }

    /**
     * Replaces one comma-separated field of one line with an interesting field, or swaps, drops or
     * repeats a line.
     *
     * @param text the valid CSV text
     * @return the edited text
     */
    public String mutateText(String text) {
        String[] lines = text.split("\n", -1);
        int line = random.nextInt(Math.max(1, lines.length - 1)); // the text ends with "\n"
        switch (random.nextInt(5)) {
            case 0, 1, 2 -> {
                String[] fields = lines[line].split(",", -1);
                int field = random.nextInt(fields.length);
                String replacement = INTERESTING_FIELDS.get(random.nextInt(INTERESTING_FIELDS.size()));
                fields[field] = replacement;
                lines[line] = String.join(",", fields);
                note("line " + (line + 1) + " field " + field + " := \"" + abbreviate(replacement) + "\"");
            }
            case 3 -> {
                int repeats = 1 + random.nextInt(3);
                lines[line] = (lines[line] + "\n").repeat(repeats) + lines[line];
                note("repeat line " + (line + 1) + " " + repeats + " more times");
            }
            default -> {
                lines[line] = lines[line].substring(0, random.nextInt(lines[line].length() + 1));
                note("cut line " + (line + 1) + " to " + lines[line].length() + " characters");
            }
        }
        return String.join("\n", lines);
    }

    private int interestingInt() {
        return random.nextInt(4) == 0 ? random.nextInt() : INTERESTING_INTS[random.nextInt(INTERESTING_INTS.length)];
    }

    private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
        byte[] result = new byte[bytes.length - removed + inserted.length];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(inserted, 0, result, at, inserted.length);
        System.arraycopy(bytes, at + removed, result, at + inserted.length, bytes.length - at - removed);
        return result;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 10) + "…(" + s.length() + " chars)" : s;
    }

    /**
     * Records a step of the caller's own in the description.
     *
     * @param step what was done
     */
    public void note(String step) {
        description.append(' ').append(step).append(';');
    }
}
