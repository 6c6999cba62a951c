package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import gradschool.core.Tensor;
import gradschool.core.io.Npy;
import gradschool.core.io.NpyFormatException;
import gradschool.data.Allocations;
import gradschool.data.Mutations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Fuzzes {@link LayerState#load} with mutated copies of a saved model: the whole archive's bytes
 * (ZIP structure, checksums, sizes), or one member's {@code .npy} bytes or name written back into a
 * consistent archive (so that the array parser, not the checksum, meets the damage). Every outcome
 * must be a load, a {@link NpyFormatException} naming the file, or the documented
 * {@link IllegalArgumentException} listing the mismatches — and after a failure the layer must be
 * unchanged.
 */
class LayerStateFuzzProperties {

    /** Fixed costs of one load (the ZIP reader, stream buffers, an exception and its message). */
    private static final long FIXED_ALLOWANCE = 2 << 20;

    /** The most one compressed byte can inflate to (a member may be deflated). */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private static final List<String> SHAPES = List.of("()", "(0,)", "(4, 3)", "(3, 4)", "(12,)", "(4, 3, 1)",
            "(-1, 3)", "(2147483647, 2147483647, 0)", "(0, 2147483647, 2147483647)", "(99999999999999999999, 3)",
            "(4, 3", "(4,, 3)", "(4, 3.0)", "(4, 0x3)", "(\u0664, 3)", "(+4, 3)", "(1e3, 3)", "[4, 3]", "(46341, 46341)");

    private static final List<String> DESCRS = List.of("'<f8'", "'>f8'", "'<f4'", "'<i8'", "'|u1'", "'<c16'",
            "'|O'", "'<U8'", "'<f2'", "'f8'", "'<f8", "'<f9'", "'V8'");

    private Path dir;
    private Map<String, byte[]> members;
    private byte[] saved;

    private static Sequential model(long seed) {
        Random random = new Random(seed);
        return new Sequential(new Linear(3, 4, random), new ReLU(), new Linear(4, 2, random));
    }

    @BeforeProperty
    void saveAModel() throws IOException {
        dir = Files.createTempDirectory("model-fuzz");
        Sequential model = model(1);
        Path file = dir.resolve("model.npz");
        LayerState.save(model, file);
        saved = Files.readAllBytes(file);
        members = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> named : model.namedParameters().entrySet()) {
            ByteArrayOutputStream npy = new ByteArrayOutputStream();
            Npy.write(npy, named.getValue().value());
            members.put(named.getKey() + ".npy", npy.toByteArray());
        }
        LayerState.load(model(2), file); // load the classes before allocations are measured
    }

    @AfterProperty
    void deleteDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        }
    }

    @Property(tries = 1000, seed = "907005", shrinking = ShrinkingMode.OFF)
    void aMutatedModelFileLoadsOrFailsWithTheDocumentedExceptionAndChangesNothing(@ForAll long seed)
            throws IOException {
        Mutations mutations = new Mutations(seed);
        byte[] bytes = switch (mutations.random().nextInt(5)) {
            case 0, 1 -> {
                mutations.note("(the archive's bytes)");
                yield mutations.mutateBytes(saved, zipFieldOffsets(saved));
            }
            case 2 -> rebuiltWithOneMemberMutated(mutations, false);
            case 3 -> rebuiltWithOneMemberMutated(mutations, true);
            default -> rebuiltWithAMemberRenamedOrDropped(mutations);
        };
        Path file = Files.write(dir.resolve("model.npz"), bytes);
        Sequential target = model(3);
        List<Tensor> before = new ArrayList<>();
        target.parameters().forEach(p -> before.add(p.value().copy()));

        long start = Allocations.currentThread();
        Throwable thrown = null;
        try {
            LayerState.load(target, file);
        } catch (Throwable t) {
            thrown = t;
        }
        long allocated = Allocations.currentThread() - start;

        if (thrown != null) {
            String message = String.valueOf(thrown.getMessage());
            boolean documented = thrown instanceof NpyFormatException && message.startsWith(file.toString())
                    || thrown instanceof IllegalArgumentException && message.startsWith("load: " + file + " does not match");
            if (!documented) {
                fail(mutations.description() + " threw " + thrown, thrown);
            }
            for (int i = 0; i < before.size(); i++) {
                assertThat(target.parameters().get(i).value()).as(mutations.description() + ": layer changed")
                        .isEqualTo(before.get(i));
            }
        }
        long budget = FIXED_ALLOWANCE + 64 * MAX_DEFLATE_RATIO * bytes.length;
        if (allocated > budget) {
            fail(mutations.description() + " allocated " + allocated + " bytes, more than the budget of " + budget
                    + " for a file of " + bytes.length + " bytes" + (thrown == null ? "" : " (then threw " + thrown + ")"));
        }
    }

    /** Offsets of the size, checksum and count fields of the ZIP headers, worth editing. */
    private static int[] zipFieldOffsets(byte[] zip) {
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K') {
                int kind = zip[i + 2] * 256 + zip[i + 3];
                int[] fields = switch (kind) {
                    case 0x0304 -> new int[] {14, 18, 22, 26};          // local header: crc, sizes, name length
                    case 0x0102 -> new int[] {16, 20, 24, 28, 42};      // central: crc, sizes, name length, offset
                    case 0x0506 -> new int[] {8, 10, 12, 16};           // end: entry counts, directory size/offset
                    default -> new int[0];
                };
                for (int field : fields) {
                    offsets.add(i + field);
                }
            }
        }
        return offsets.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Mutates one member's .npy bytes (or its header text) and writes a consistent archive around it. */
    private byte[] rebuiltWithOneMemberMutated(Mutations mutations, boolean headerText) {
        List<String> names = new ArrayList<>(members.keySet());
        String victim = names.get(mutations.random().nextInt(names.size()));
        Map<String, byte[]> edited = new LinkedHashMap<>(members);
        byte[] npy = members.get(victim);
        if (headerText) {
            String text = new String(npy, StandardCharsets.ISO_8859_1);
            String edit;
            if (mutations.random().nextBoolean()) {
                String shape = SHAPES.get(mutations.random().nextInt(SHAPES.size()));
                text = text.replaceFirst("'shape': \\([^)]*\\)", "'shape': " + java.util.regex.Matcher.quoteReplacement(shape));
                edit = "shape := " + shape;
            } else {
                String descr = DESCRS.get(mutations.random().nextInt(DESCRS.size()));
                text = text.replace("'<f8'", descr);
                edit = "descr := " + descr;
            }
            if (mutations.random().nextBoolean()) {
                text = text.replace("False", "True");
                edit += ", fortran_order True";
            }
            mutations.note("member " + victim + " (consistent archive): " + edit);
            npy = keepHeaderLength(text, npy.length).getBytes(StandardCharsets.ISO_8859_1);
        } else {
            mutations.note("member " + victim + " (consistent archive):");
            npy = mutations.mutateBytes(npy, 8);
        }
        edited.put(victim, npy);
        return zip(edited);
    }

    /**
     * Pads or trims the spaces before the header's closing newline so that the edited header keeps
     * the length its prefix declares, and the parser reads the edit rather than a misplaced end.
     */
    private static String keepHeaderLength(String text, int originalLength) {
        int difference = text.length() - originalLength;
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return text;
        }
        if (difference < 0) {
            return text.substring(0, newline) + " ".repeat(-difference) + text.substring(newline);
        }
        int spaces = 0;
        while (spaces < difference && text.charAt(newline - 1 - spaces) == ' ') {
            spaces++;
        }
        return text.substring(0, newline - spaces) + text.substring(newline);
    }

    /** Renames one member (a bit flip in its name, or another name) or drops it, in a consistent archive. */
    private byte[] rebuiltWithAMemberRenamedOrDropped(Mutations mutations) {
        Map<String, byte[]> edited = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(members.keySet());
        String victim = names.get(mutations.random().nextInt(names.size()));
        int how = mutations.random().nextInt(4);
        for (Map.Entry<String, byte[]> member : members.entrySet()) {
            String name = member.getKey();
            if (name.equals(victim)) {
                if (how == 0) {
                    mutations.note("drop member " + name);
                    continue;
                }
                char[] chars = name.toCharArray();
                int at = mutations.random().nextInt(chars.length);
                chars[at] ^= (char) (1 << mutations.random().nextInt(7));
                name = how == 1 ? new String(chars) : how == 2 ? names.get(0) : name.replace(".npy", "");
                mutations.note("rename member " + member.getKey() + " to " + name);
            }
            if (edited.putIfAbsent(name, member.getValue()) != null) {
                mutations.note("(a second " + name + " is left out: ZipOutputStream refuses duplicates)");
            }
        }
        return zip(edited);
    }

    /** Writes stored members with correct sizes and checksums, as {@code np.savez} does. */
    private static byte[] zip(Map<String, byte[]> members) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> member : members.entrySet()) {
                byte[] data = member.getValue();
                CRC32 crc = new CRC32();
                crc.update(data);
                ZipEntry entry = new ZipEntry(member.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
