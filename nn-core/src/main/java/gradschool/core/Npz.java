package gradschool.core;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
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
 * suffix from member names, and skips directory entries. Each member's CRC-32 checksum, which the
 * ZIP format stores, is checked, so a corrupted archive is reported rather than silently misread.
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
     * @throws NpyFormatException if the file is not a ZIP archive, a member is not a well-formed
     *     {@code .npy} file of a supported dtype, a member fails its checksum, or two members have the
     *     same name
     * @throws IOException if the file cannot be read
     */
    public static LinkedHashMap<String, Tensor> read(Path file) throws IOException {
        String source = file.toString();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // ZipFile's ways of saying the central directory is missing, cut short or garbled.
            throw new NpyFormatException(source, "not a readable .npz (ZIP) archive: " + e.getMessage(), e);
        }
        try (zip) {
            LinkedHashMap<String, Tensor> arrays = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                String member = entry.getName();
                String name = member.endsWith(SUFFIX) ? member.substring(0, member.length() - SUFFIX.length()) : member;
                if (arrays.containsKey(name)) {
                    throw new NpyFormatException(source, "the archive holds two arrays named '" + name + "'", null);
                }
                arrays.put(name, readMember(zip, entry, source + "!" + member));
            }
            return arrays;
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            throw new NpyFormatException(source, "corrupt .npz (ZIP) archive: " + e.getMessage(), e);
        }
    }

    /** Reads one member, checking that nothing follows the array and that the checksum matches. */
    private static Tensor readMember(ZipFile zip, ZipEntry entry, String memberSource) throws IOException {
        try (CheckedInputStream in = new CheckedInputStream(zip.getInputStream(entry), new CRC32())) {
            Tensor tensor = Npy.read(in, memberSource);
            if (in.read() != -1) {
                throw new NpyFormatException(memberSource, "the member has bytes after the array data", null);
            }
            if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                throw new NpyFormatException(memberSource, String.format(
                        "CRC-32 is %08x but the archive says %08x: the member is corrupt",
                        in.getChecksum().getValue(), entry.getCrc()), null);
            }
            return tensor;
        } catch (ZipException | EOFException e) {
            // The inflater found a corrupt or truncated compressed stream.
            throw new NpyFormatException(memberSource, "corrupt archive member: " + e.getMessage(), e);
        }
    }
}
