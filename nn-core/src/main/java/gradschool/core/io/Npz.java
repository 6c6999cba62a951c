package gradschool.core.io;

import gradschool.core.Tensor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy's {@code .npz} archives: several named arrays in one file.
 *
 * <pre>{@code
 * Map<String, Tensor> arrays = new LinkedHashMap<>();
 * arrays.put("weight", w);
 * arrays.put("bias", b);
 * Npz.write(Path.of("model.npz"), arrays);         // in Python: d = np.load("model.npz"); d["weight"]
 * LinkedHashMap<String, Tensor> back = Npz.read(Path.of("model.npz"));
 * }</pre>
 *
 * <h2>The format</h2>
 * An {@code .npz} file is an ordinary ZIP archive with one {@link Npy .npy} file per array, named
 * after the array: {@code np.savez(f, weight=w, bias=b)} makes the members {@code weight.npy} and
 * {@code bias.npy}, in that order. {@code np.savez} stores the members uncompressed ("stored");
 * {@code np.savez_compressed} deflates them. Any zip tool can list or extract an {@code .npz}.
 *
 * <p>{@link #write} writes stored members, as {@code np.savez} does, in the map's iteration order,
 * atomically (through a temporary file renamed over the target). {@link #read} reads stored and
 * deflated members, returns them in the order they appear in the archive, drops the {@code .npy}
 * suffix from member names, and skips directory entries.
 *
 * <h2>Bad archives</h2>
 * A ZIP archive says most things twice: each member's name, method, sizes and CRC-32 checksum are
 * in the member's own local header and again in the central directory at the end of the file.
 * {@link #read} compares the two copies, checks that the members do not overlap and lie inside the
 * file, and checks each member's checksum, so a corrupted archive is reported rather than silently
 * misread (see {@code ZipReader} for the list of checks). It also never believes a size it has not
 * checked: a member is inflated only up to the size the archive declares, that size must be one
 * deflate can produce from the compressed bytes, and the {@code .npy} header's shape must need
 * exactly that size. So a small file cannot make the reader allocate gigabytes (a "decompression
 * bomb"); an array that really is that large still needs the memory to hold it.
 * Problems with the archive or a member throw {@link NpyFormatException}, naming the archive and,
 * for a member, the member ({@code model.npz!weight.npy}).
 */
public final class Npz {

    private static final String SUFFIX = ".npy";

    private Npz() {}

    /**
     * Writes named tensors to an {@code .npz} file (uncompressed, like {@code np.savez}), atomically.
     *
     * @param file the file to create or replace
     * @param arrays the tensors by name, written in the map's iteration order; member {@code name}
     *     becomes {@code name.npy} in the archive
     * @throws IOException if the file cannot be written
     * @throws NullPointerException if a name or tensor is null
     */
    public static void write(Path file, Map<String, Tensor> arrays) throws IOException {
        checkNoNulls(arrays);
        Npy.writeAtomically(file, out -> write(out, arrays));
    }

    /**
     * Writes named tensors as an {@code .npz} archive to a stream, which is left open.
     *
     * @param out the stream
     * @param arrays the tensors by name, written in the map's iteration order
     * @throws IOException if the stream fails
     * @throws NullPointerException if a name or tensor is null
     */
    public static void write(OutputStream out, Map<String, Tensor> arrays) throws IOException {
        checkNoNulls(arrays);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, Tensor> named : arrays.entrySet()) {
            Tensor tensor = named.getValue();
            // A stored (uncompressed) member must declare its size and CRC-32 before its bytes, so
            // we encode the array once into a checksum-only stream, then once more for real.
            CRC32 crc = new CRC32();
            Npy.write(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), tensor);
            long length = Npy.encodedLength(tensor.shape());
            ZipEntry entry = new ZipEntry(named.getKey() + SUFFIX);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(length);
            entry.setCompressedSize(length);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            Npy.write(zip, tensor);
            zip.closeEntry();
        }
        zip.finish(); // writes the central directory; close() would also close `out`
        out.flush();
    }

    private static void checkNoNulls(Map<String, Tensor> arrays) {
        for (Map.Entry<String, Tensor> named : arrays.entrySet()) {
            Objects.requireNonNull(named.getKey(), "Npz.write: an array name is null");
            Objects.requireNonNull(named.getValue(), () -> "Npz.write: the tensor named '" + named.getKey() + "' is null");
        }
    }

    /**
     * Reads every array in an {@code .npz} file (from {@code np.savez} or {@code np.savez_compressed}).
     *
     * @param file the archive
     * @return the arrays in archive order, keyed by member name without its {@code .npy} suffix
     * @throws NpyFormatException if the file is not a ZIP archive, a local header disagrees with the
     *     central directory, a member is not a well-formed {@code .npy} file of a supported dtype, a
     *     member fails its checksum or inflates to more or less than its declared size, or two
     *     members have the same name
     * @throws IOException if the file cannot be read
     */
    public static LinkedHashMap<String, Tensor> read(Path file) throws IOException {
        try (ZipReader zip = ZipReader.open(file)) {
            return readArrays(zip, file.toString());
        }
    }

    /** Reads every array of an opened archive; {@code source} names the archive in messages. */
    static LinkedHashMap<String, Tensor> readArrays(ZipReader zip, String source) throws IOException {
        LinkedHashMap<String, Tensor> arrays = new LinkedHashMap<>();
        for (ZipReader.Member member : zip.members()) {
            if (member.isDirectory()) {
                continue;
            }
            String name = arrayName(member.name());
            if (arrays.containsKey(name)) {
                throw new NpyFormatException(source, "the archive holds two arrays named '" + name + "'", null);
            }
            arrays.put(name, readMember(zip, member, source + "!" + member.name()));
        }
        return arrays;
    }

    /** The array's name: the member's name without its {@code .npy} suffix. */
    private static String arrayName(String member) {
        return member.endsWith(SUFFIX) ? member.substring(0, member.length() - SUFFIX.length()) : member;
    }

    /**
     * Reads one member. Its {@code .npy} header must need exactly the size the archive declares, no
     * more than that is inflated, and the checksum must match.
     */
    private static Tensor readMember(ZipReader zip, ZipReader.Member member, String memberSource) throws IOException {
        try (ZipReader.MemberInput in = zip.open(member, memberSource)) {
            Tensor tensor = Npy.readDeclaredLength(in, memberSource, member.size());
            in.checkComplete();
            return tensor;
        }
    }
}
