package gradschool.core.io;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes NumPy's {@code .npy} files, so that arrays move between Python and Java.
 *
 * <pre>{@code
 * Npy.write(Path.of("w.npy"), Tensor.randn(Shape.of(3, 4), 42));   // in Python: w = np.load("w.npy")
 * Tensor x = Npy.read(Path.of("x.npy"));                  // from Python: np.save("x.npy", x)
 * }</pre>
 *
 * <h2>The format</h2>
 * A {@code .npy} file (see {@code numpy/lib/format.py} and NEP 1) holds one array: a short
 * self-describing header, then the raw element bytes.
 * <pre>
 * byte 0      6      7      8            10 (or 12)                           data start (multiple of 64)
 *      | \x93NUMPY | major | minor | header length | header dict, spaces, '\n' | element bytes ... |
 * </pre>
 * <ol>
 *   <li><b>Magic</b>: the six bytes {@code 0x93 'N' 'U' 'M' 'P' 'Y'}. The non-ASCII first byte makes
 *       text tools treat the file as binary.
 *   <li><b>Version</b>: two bytes, major then minor. Version 1.0 stores the header length as a
 *       2-byte little-endian unsigned integer; 2.0 uses 4 bytes (for headers over 64 KiB); 3.0 is 2.0
 *       with the header in UTF-8 rather than Latin-1 (for non-ASCII field names).
 *   <li><b>Header length</b>: the number of header bytes that follow, padding and newline included.
 *   <li><b>Header</b>: a Python dictionary literal with exactly three keys, for example
 *       {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }}, padded with spaces and
 *       ended by {@code '\n'} so that the data starts at a multiple of 64 bytes (which lets a
 *       reader memory-map the data with any alignment it needs).
 *       <ul>
 *         <li>{@code descr} is the dtype: a byte-order character ({@code <} little-endian, {@code >}
 *             big-endian, {@code |} not applicable), a kind ({@code f} float, {@code i} signed
 *             integer, {@code u} unsigned integer, {@code b} bool, …) and the item size in bytes.
 *             {@code '<f8'} is a little-endian float64.
 *         <li>{@code shape} is a tuple of dimensions: {@code ()} for a scalar, {@code (3,)} for a
 *             vector (the trailing comma makes it a tuple in Python).
 *         <li>{@code fortran_order} says whether the elements are in column-major order (first index
 *             changes fastest) rather than row-major "C" order (last index changes fastest).
 *       </ul>
 *   <li><b>Data</b>: {@code shape} product times item size bytes, nothing more.
 * </ol>
 *
 * <h2>What this class reads and writes</h2>
 * {@link #write(Path, Tensor)} always writes version 1.0 (2.0 only if the header would not fit in
 * 64 KiB), {@code '<f8'}, C order, exactly the bytes {@code np.save} writes for a float64 array.
 * {@link #read(Path)} accepts versions 1.0, 2.0 and 3.0; float64 and float32; signed and unsigned
 * integers of 1, 2, 4 and 8 bytes; bool; either byte order; C or Fortran order; any rank including 0.
 * Every element is converted to {@code double}: integers beyond ±2<sup>53</sup> round to the nearest
 * double, and {@code True}/{@code False} become 1.0/0.0.
 *
 * <h2>Bad files</h2>
 * A file that is truncated, has a bad magic string, an unknown version, a malformed header, a dtype
 * outside the list above (complex {@code <c16}, object {@code |O}, string {@code <U5}, …), a
 * negative or too-large shape (by {@link Shape}'s rule: the product of the non-zero dimensions
 * must fit in an int, in whatever order they come), or a data size that does not match its shape
 * makes the reader throw {@link NpyFormatException} naming the file, the problem and the byte
 * offset (for a header field, where its value starts). The reader never
 * trusts the header's sizes: before it allocates anything it compares them with the bytes that are
 * actually there, and when reading from a stream of unknown length it grows its arrays only as data
 * arrives.
 *
 * @see Npz for archives of several named arrays
 */
public final class Npy {

    /** The six bytes every {@code .npy} file starts with. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** numpy pads the header so that the data starts at a multiple of this many bytes. */
    private static final int DATA_ALIGNMENT = 64;

    /**
     * numpy leaves room after the header dict for the first dimension to grow to this many digits,
     * so that an array can be appended to without rewriting the header. We copy it to write the same
     * bytes as {@code np.save}.
     */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /**
     * The longest header we accept. numpy itself refuses headers over 10,000 bytes by default (the
     * {@code max_header_size} argument of {@code np.load}); a megabyte holds a shape of rank in the
     * hundreds of thousands.
     */
    static final int MAX_HEADER_LENGTH = 1 << 20;

    /** How deeply brackets may nest in a header dict; a real header nests at most 3 deep. */
    private static final int MAX_HEADER_NESTING = 32;

    /** Bytes are read and written in chunks of this size (a multiple of every item size). */
    private static final int CHUNK_BYTES = 1 << 16;

    /** Marks a stream whose total length is not known in advance. */
    private static final long UNKNOWN_LENGTH = -1;

    private Npy() {}

    // ---------------------------------------------------------------------------------------
    // Writing
    // ---------------------------------------------------------------------------------------

    /**
     * Writes a tensor to a {@code .npy} file as float64, little-endian, C order (format 1.0).
     *
     * <p>The write is atomic: the bytes go to a temporary file in the same directory, which is then
     * renamed onto {@code file}. A reader never sees a half-written file, and if writing fails an
     * existing {@code file} is left as it was. A replaced file keeps its permissions; a symbolic link
     * stays a link and the file it points to gets the new content; a temporary file left by a write
     * that was killed is removed by the next write of the same file.
     *
     * @param file the file to create or replace
     * @param tensor the tensor; any layout (a transposed or sliced view is written in row-major order)
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Tensor tensor) throws IOException {
        writeAtomically(file, out -> write(out, tensor));
    }

    /**
     * Writes a tensor in {@code .npy} format to a stream, which is left open.
     *
     * @param out the stream
     * @param tensor the tensor; any layout
     * @throws IOException if the stream fails
     */
    public static void write(OutputStream out, Tensor tensor) throws IOException {
        out.write(header(tensor.shape()));
        if (tensor.size() == 0) {
            out.flush(); // an empty array has no data bytes
            return;
        }
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : tensor.toDoubleArray()) {
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putDouble(value); // writes the raw bits: NaN payloads and -0.0 survive
        }
        out.write(chunk.array(), 0, chunk.position());
        out.flush();
    }

    /**
     * Returns the number of bytes {@link #write(OutputStream, Tensor)} writes for a shape.
     *
     * @param shape the tensor's shape
     * @return header length plus 8 bytes per element
     */
    static long encodedLength(Shape shape) {
        return header(shape).length + 8L * shape.size();
    }

    /**
     * Builds the magic, version, header length and padded header dict for a float64 C-order array,
     * byte for byte as numpy's {@code _write_array_header} does.
     */
    static byte[] header(Shape shape) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }"; // Shape prints as Python repr: (2, 3)
        if (shape.rank() > 0) {
            dict += " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(shape.dim(0)).length());
        }
        int major = 1;
        int prefixLength = MAGIC.length + 2 + 2; // magic, version, 2-byte length
        int dictLength = dict.length() + 1; // the final '\n'
        int padding = DATA_ALIGNMENT - (prefixLength + dictLength) % DATA_ALIGNMENT;
        if (dictLength + padding > 0xFFFF) { // too long for a 2-byte length: use version 2.0
            major = 2;
            prefixLength = MAGIC.length + 2 + 4;
            padding = DATA_ALIGNMENT - (prefixLength + dictLength) % DATA_ALIGNMENT;
        }
        int headerLength = dictLength + padding;
        ByteBuffer bytes = ByteBuffer.allocate(prefixLength + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            bytes.putShort((short) headerLength);
        } else {
            bytes.putInt(headerLength);
        }
        bytes.put(dict.getBytes(StandardCharsets.US_ASCII));
        bytes.put(" ".repeat(padding).getBytes(StandardCharsets.US_ASCII));
        bytes.put((byte) '\n');
        return bytes.array();
    }

    /** Writes bytes into a stream: the body of an atomic file write. */
    @FunctionalInterface
    interface StreamWriter {
        /**
         * Writes the content.
         *
         * @param out the stream; the caller closes it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes a file atomically, as {@link AtomicFiles#write} describes: through a temporary file in
     * the same directory renamed over the target, which keeps its permissions and, if it is a
     * symbolic link, stays one. On failure the target is untouched.
     */
    static void writeAtomically(Path file, StreamWriter writer) throws IOException {
        AtomicFiles.write(file, writer::writeTo);
    }

    // ---------------------------------------------------------------------------------------
    // Reading
    // ---------------------------------------------------------------------------------------

    /**
     * Reads a {@code .npy} file into a new contiguous tensor.
     *
     * @param file the file
     * @return the array, every element converted to double, in row-major order
     * @throws NpyFormatException if the file is not a well-formed {@code .npy} file of a supported
     *     dtype, or holds more or fewer data bytes than its shape needs
     * @throws IOException if the file cannot be read
     */
    public static Tensor read(Path file) throws IOException {
        long fileLength = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES)) {
            return read(new CountingInput(in, file.toString()), fileLength, fileLength);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream, leaving the stream just after its data (numpy can
     * save several arrays one after another into one open file; this reads them back one at a time).
     *
     * @param in the stream; not closed
     * @param sourceName a name for the stream to use in error messages, such as a file name; byte
     *     offsets in those messages count from where this call started reading
     * @return the array, every element converted to double, in row-major order
     * @throws NpyFormatException if the stream does not hold a well-formed {@code .npy} array of a
     *     supported dtype, or ends before the data does
     * @throws IOException if the stream fails
     */
    public static Tensor read(InputStream in, String sourceName) throws IOException {
        return read(new CountingInput(in, sourceName), UNKNOWN_LENGTH, 0);
    }

    /**
     * Reads an array that an archive says is {@code declaredLength} bytes long (header and data):
     * the header's shape must need exactly that many data bytes. The length is only a claim (an
     * inflating member may fall short of it), so the values array still grows only as data arrives.
     *
     * @param in the member's bytes, which must stop after {@code declaredLength} bytes
     * @param sourceName the member's name for error messages, such as {@code model.npz!weight.npy}
     * @param declaredLength the member's length according to the archive
     * @return the array, every element converted to double, in row-major order
     * @throws NpyFormatException if the member is not a well-formed {@code .npy} array of a supported
     *     dtype whose header and data take exactly {@code declaredLength} bytes
     * @throws IOException if the stream fails
     */
    static Tensor readDeclaredLength(InputStream in, String sourceName, long declaredLength) throws IOException {
        return read(new CountingInput(in, sourceName), declaredLength, 0);
    }

    /**
     * Reads one array.
     *
     * @param totalLength the input's length, header included, if known (a file's size, an archive
     *     member's declared size), or UNKNOWN_LENGTH; the header's data size must match it
     * @param bytesPresent how many bytes the input is known to hold (a file's size), so that the
     *     values array can be allocated at once; 0 when the bytes are not yet proven to exist
     */
    private static Tensor read(CountingInput input, long totalLength, long bytesPresent) throws IOException {
        // 1. Magic string and version.
        byte[] magic = input.readExactly(MAGIC.length, "the magic string \\x93NUMPY");
        if (!Arrays.equals(magic, MAGIC)) {
            boolean zip = magic[0] == 'P' && magic[1] == 'K';
            throw input.error(0, "not a .npy file: it should start with the magic string \\x93NUMPY"
                    + " but starts with " + describeBytes(magic)
                    + (zip ? " (a ZIP archive: an .npz file? Read it with Npz.read)" : ""));
        }
        byte[] version = input.readExactly(2, "the format version");
        int major = Byte.toUnsignedInt(version[0]);
        int minor = Byte.toUnsignedInt(version[1]);
        if (minor != 0 || major < 1 || major > 3) {
            throw input.error(MAGIC.length, "unsupported .npy format version " + major + "." + minor
                    + " (supported: 1.0, 2.0, 3.0)");
        }

        // 2. Header length: 2 bytes in version 1.0, 4 bytes later; little-endian, unsigned.
        int lengthBytes = major == 1 ? 2 : 4;
        long lengthOffset = input.position();
        ByteBuffer lengthBuffer = ByteBuffer.wrap(input.readExactly(lengthBytes, "the header length"))
                .order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1
                ? Short.toUnsignedInt(lengthBuffer.getShort())
                : Integer.toUnsignedLong(lengthBuffer.getInt());
        if (headerLength > MAX_HEADER_LENGTH) {
            throw input.error(lengthOffset, "header length " + headerLength + " is more than the "
                    + MAX_HEADER_LENGTH + " bytes this reader accepts");
        }
        if (totalLength != UNKNOWN_LENGTH && input.position() + headerLength > totalLength) {
            throw input.error(lengthOffset, "header length " + headerLength + " runs past the end of the "
                    + totalLength + "-byte file");
        }

        // 3. The header dict, Latin-1 before version 3.0 and UTF-8 from then on.
        long headerStart = input.position();
        byte[] headerBytes = input.readExactly((int) headerLength, "the header");
        Charset charset = major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String headerText = decode(headerBytes, charset, input, headerStart);
        Header header = new HeaderParser(headerText, charset, input, headerStart).parseHeader();

        // 4. The data: check its size against the length before allocating anything.
        long dataStart = input.position();
        long dataBytes = (long) header.shape().size() * header.dtype().itemSize();
        if (totalLength != UNKNOWN_LENGTH && totalLength - dataStart != dataBytes) {
            throw input.error(dataStart, "shape " + header.shape() + " of " + header.descr() + " needs "
                    + dataBytes + " data bytes but the file has " + (totalLength - dataStart)
                    + " after the header");
        }
        double[] values = readData(input, header, bytesPresent - dataStart);

        // 5. Fortran order: the bytes are the row-major layout of the reversed shape.
        Shape shape = header.shape();
        if (!header.fortranOrder() || shape.rank() < 2) {
            return Tensor.of(shape, values);
        }
        int rank = shape.rank();
        int[] reversedDims = new int[rank];
        int[] reverseAxes = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            reversedDims[axis] = shape.dim(rank - 1 - axis);
            reverseAxes[axis] = rank - 1 - axis;
        }
        return Tensor.of(Shape.of(reversedDims), values).permute(reverseAxes).copy();
    }

    /**
     * Reads and converts the elements chunk by chunk. The result array starts as large as the data
     * bytes known to be present allow, and doubles as more data arrives, so a corrupt header that
     * claims billions of elements costs nothing until the bytes are really there.
     */
    private static double[] readData(CountingInput input, Header header, long dataBytesPresent)
            throws IOException {
        DataType type = header.dtype();
        int count = header.shape().size();
        int itemsPerChunk = CHUNK_BYTES / type.itemSize();
        long itemsPresent = Math.max(itemsPerChunk, dataBytesPresent / type.itemSize());
        double[] values = new double[(int) Math.min(count, itemsPresent)];
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.byteOrder());
        long dataStart = input.position();
        int filled = 0;
        while (filled < count) {
            int items = Math.min(itemsPerChunk, count - filled);
            int wanted = items * type.itemSize();
            int got = input.readUpTo(chunk, wanted);
            if (got < wanted) {
                long dataBytes = (long) count * type.itemSize();
                throw input.error(input.position(), "file ends after " + (input.position() - dataStart)
                        + " of the " + dataBytes + " data bytes that shape " + header.shape() + " of "
                        + header.descr() + " needs");
            }
            if (filled + items > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(count, Math.max(filled + items, 2L * values.length)));
            }
            buffer.clear();
            for (int i = 0; i < items; i++) {
                values[filled + i] = type.read(buffer);
            }
            filled += items;
        }
        return values;
    }

    private static String decode(byte[] bytes, Charset charset, CountingInput input, long offset)
            throws NpyFormatException {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw input.error(offset, "header is not valid " + charset.name());
        }
    }

    private static String describeBytes(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            int c = Byte.toUnsignedInt(b);
            text.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return "'" + text + "'";
    }

    // ---------------------------------------------------------------------------------------
    // The pieces of a header
    // ---------------------------------------------------------------------------------------

    /** The element types we can read, each with its numpy kind-and-size code. */
    private enum DataType {
        FLOAT64("f8"), FLOAT32("f4"),
        INT8("i1"), INT16("i2"), INT32("i4"), INT64("i8"),
        UINT8("u1"), UINT16("u2"), UINT32("u4"), UINT64("u8"),
        BOOL("b1");

        final String code;

        DataType(String code) {
            this.code = code;
        }

        int itemSize() {
            return code.charAt(1) - '0';
        }

        /** Reads one element from the buffer (in the buffer's byte order) and converts it to double. */
        double read(ByteBuffer buffer) {
            return switch (this) {
                case FLOAT64 -> buffer.getDouble();
                case FLOAT32 -> buffer.getFloat();
                case INT8 -> buffer.get();
                case INT16 -> buffer.getShort();
                case INT32 -> buffer.getInt();
                case INT64 -> buffer.getLong();
                case UINT8 -> Byte.toUnsignedInt(buffer.get());
                case UINT16 -> Short.toUnsignedInt(buffer.getShort());
                case UINT32 -> Integer.toUnsignedLong(buffer.getInt());
                case UINT64 -> unsignedToDouble(buffer.getLong());
                case BOOL -> buffer.get() != 0 ? 1.0 : 0.0;
            };
        }

        static DataType forCode(String code) {
            for (DataType type : values()) {
                if (type.code.equals(code)) {
                    return type;
                }
            }
            return null;
        }
    }

    /**
     * Converts the 64 bits of an unsigned long to the nearest double. Values below 2<sup>63</sup>
     * convert directly; above, we halve (keeping the lowest bit, so rounding stays correct), convert
     * and double.
     */
    static double unsignedToDouble(long bits) {
        if (bits >= 0) {
            return bits;
        }
        return ((double) ((bits >>> 1) | (bits & 1))) * 2.0;
    }

    /** A parsed, validated header. */
    private record Header(String descr, DataType dtype, ByteOrder byteOrder, boolean fortranOrder, Shape shape) {}

    /** A Python tuple, kept apart from a list because numpy requires {@code shape} to be a tuple. */
    private record Tuple(List<Object> items) {}

    /**
     * A parser for the small part of Python's literal syntax that numpy headers use: dicts, tuples,
     * lists, quoted strings, integers, {@code True} and {@code False}. It builds Java values
     * ({@code Map}, {@link Tuple}, {@code List}, {@code String}, {@code Long}, {@code Boolean}) and
     * then checks them against what a header must contain.
     */
    private static final class HeaderParser {
        private final String text;
        private final Charset charset;
        private final CountingInput input;
        private final long start;
        private int position;
        /** Where each value of the top-level dict starts, so that errors can point at the field. */
        private final Map<String, Integer> valueStarts = new LinkedHashMap<>();

        HeaderParser(String text, Charset charset, CountingInput input, long start) {
            this.text = text;
            this.charset = charset;
            this.input = input;
            this.start = start;
        }

        Header parseHeader() throws NpyFormatException {
            skipWhitespace();
            int dictStart = position;
            Object value = parseValue(0);
            skipWhitespace();
            if (position < text.length()) {
                throw error("unexpected text after the header dict");
            }
            if (!(value instanceof Map<?, ?> dict)) {
                throw errorAt(dictStart, "header is not a dict");
            }
            for (String key : List.of("descr", "fortran_order", "shape")) {
                if (!dict.containsKey(key)) {
                    throw errorAt(dictStart, "header dict has no '" + key + "' key");
                }
            }
            for (Object key : dict.keySet()) {
                if (!List.of("descr", "fortran_order", "shape").contains(key)) {
                    throw errorAt(dictStart, "header dict has an unexpected key '" + key + "'");
                }
            }
            if (!(dict.get("fortran_order") instanceof Boolean fortranOrder)) {
                throw errorAt(valueStarts.get("fortran_order"),
                        "'fortran_order' is " + dict.get("fortran_order") + ", not True or False");
            }
            int descrStart = valueStarts.get("descr");
            String descr = descrText(dict.get("descr"), descrStart);
            DataType type = dataType(descr, descrStart);
            ByteOrder order = byteOrder(descr, type, descrStart);
            Shape shape = shape(dict.get("shape"), valueStarts.get("shape"));
            return new Header(descr, type, order, fortranOrder, shape);
        }

        private String descrText(Object descr, int at) throws NpyFormatException {
            if (descr instanceof String text) {
                return text;
            }
            if (descr instanceof List<?>) {
                throw errorAt(at, "unsupported dtype " + descr + ": structured arrays are not supported");
            }
            throw errorAt(at, "'descr' is " + descr + ", not a dtype string such as '<f8'");
        }

        private DataType dataType(String descr, int at) throws NpyFormatException {
            DataType type = descr.length() == 3 ? DataType.forCode(descr.substring(1)) : null;
            if (type != null) {
                return type;
            }
            char kind = descr.length() > 1 ? descr.charAt(1) : '?';
            String why = switch (kind) {
                case 'c' -> "complex numbers";
                case 'O' -> "Python objects (pickled)";
                case 'U', 'S', 'a' -> "strings";
                case 'V' -> "raw bytes or structured records";
                case 'M', 'm' -> "dates and times";
                case 'f' -> "floats of this size";
                case 'i', 'u', 'b' -> "integers of this size";
                default -> "an unknown type";
            };
            throw errorAt(at, "unsupported dtype '" + descr + "' (" + why + "); supported: float64, float32,"
                    + " int8/16/32/64, uint8/16/32/64 and bool, as <f8, <f4, |i1, <i2, ..., |b1");
        }

        private ByteOrder byteOrder(String descr, DataType type, int at) throws NpyFormatException {
            char order = descr.charAt(0);
            if (order == '<') {
                return ByteOrder.LITTLE_ENDIAN;
            }
            if (order == '>') {
                return ByteOrder.BIG_ENDIAN;
            }
            if ((order == '|' || order == '=') && type.itemSize() == 1) {
                return ByteOrder.LITTLE_ENDIAN; // one byte: order does not matter
            }
            throw errorAt(at, "dtype '" + descr + "' must start with '<' (little-endian) or '>' (big-endian)");
        }

        /**
         * Checks the {@code 'shape'} value against {@link Shape}'s rule before making the shape: a tuple
         * of non-negative integers, each at most 2<sup>31</sup>−1, whose non-zero product is at most
         * {@link Shape#MAX_SIZE} (whatever their order, and so whether or not the file is in Fortran
         * order, where the reader also makes the reversed shape).
         */
        private Shape shape(Object value, int at) throws NpyFormatException {
            if (!(value instanceof Tuple tuple)) {
                throw errorAt(at, "'shape' is " + value + ", not a tuple such as (2, 3)");
            }
            int[] dims = new int[tuple.items().size()];
            for (int axis = 0; axis < dims.length; axis++) {
                if (!(tuple.items().get(axis) instanceof Long dim) || dim < 0) {
                    throw errorAt(at, "'shape' " + tuple.items() + " has dimension " + axis + " = "
                            + tuple.items().get(axis) + ", not a non-negative integer");
                }
                if (dim > Integer.MAX_VALUE) {
                    throw errorAt(at, "'shape' " + tuple.items() + " has dimension " + axis + " = " + dim
                            + ", more than a tensor can hold (at most " + Integer.MAX_VALUE + ")");
                }
                dims[axis] = dim.intValue();
            }
            try {
                return Shape.of(dims);
            } catch (IllegalArgumentException e) {
                // Shape's size rule, in its words ("shape (…) is too large: …"), naming the header's key.
                throw errorAt(at, "'shape' " + e.getMessage().substring("shape ".length()));
            }
        }

        private Object parseValue(int depth) throws NpyFormatException {
            if (depth > MAX_HEADER_NESTING) {
                throw error("brackets nest more than " + MAX_HEADER_NESTING + " deep");
            }
            skipWhitespace();
            if (position >= text.length()) {
                throw error("header ends where a value was expected");
            }
            char c = text.charAt(position);
            if (c == '{') {
                return parseDict(depth);
            } else if (c == '(') {
                return parseTuple(depth);
            } else if (c == '[') {
                position++;
                return parseItems(']', depth).items();
            } else if (c == '\'' || c == '"') {
                return parseString();
            } else if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
                return parseInteger();
            } else if (Character.isLetter(c)) {
                return parseName();
            }
            throw error("unexpected character '" + c + "'");
        }

        private Map<String, Object> parseDict(int depth) throws NpyFormatException {
            position++; // '{'
            Map<String, Object> dict = new LinkedHashMap<>();
            while (true) {
                skipWhitespace();
                if (peek() == '}') {
                    position++;
                    return dict;
                }
                int keyStart = position;
                if (!(parseValue(depth + 1) instanceof String key)) {
                    throw errorAt(keyStart, "dict key is not a string");
                }
                if (dict.containsKey(key)) {
                    throw errorAt(keyStart, "key '" + key + "' appears twice");
                }
                skipWhitespace();
                expect(':');
                skipWhitespace();
                if (depth == 0) {
                    valueStarts.put(key, position);
                }
                dict.put(key, parseValue(depth + 1));
                skipWhitespace();
                if (peek() == ',') {
                    position++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}' in the header dict");
                }
            }
        }

        /** A tuple: {@code ()} is empty, {@code (3,)} has one item, but {@code (3)} is just 3. */
        private Object parseTuple(int depth) throws NpyFormatException {
            position++; // '('
            Items items = parseItems(')', depth);
            if (items.items().size() == 1 && !items.trailingComma()) {
                return items.items().get(0);
            }
            return new Tuple(items.items());
        }

        private record Items(List<Object> items, boolean trailingComma) {}

        /** Reads comma-separated values up to and including the closing bracket. */
        private Items parseItems(char close, int depth) throws NpyFormatException {
            List<Object> items = new ArrayList<>();
            boolean trailingComma = false;
            while (true) {
                skipWhitespace();
                if (peek() == close) {
                    position++;
                    return new Items(items, trailingComma);
                }
                items.add(parseValue(depth + 1));
                skipWhitespace();
                trailingComma = peek() == ',';
                if (trailingComma) {
                    position++;
                } else if (peek() != close) {
                    throw error("expected ',' or '" + close + "'");
                }
            }
        }

        private String parseString() throws NpyFormatException {
            char quote = text.charAt(position);
            int begin = ++position;
            while (position < text.length() && text.charAt(position) != quote) {
                if (text.charAt(position) == '\\') {
                    throw error("escape sequences in header strings are not supported");
                }
                position++;
            }
            if (position >= text.length()) {
                throw errorAt(begin - 1, "string is not closed");
            }
            return text.substring(begin, position++);
        }

        private Long parseInteger() throws NpyFormatException {
            int begin = position;
            if (peek() == '-' || peek() == '+') {
                position++;
            }
            int digitsStart = position;
            while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
                position++;
            }
            if (position == digitsStart) {
                throw error("expected a digit");
            }
            String digits = text.substring(begin, position);
            if (peek() == 'L' || peek() == 'l') {
                position++; // Python 2 wrote long integers as 3L
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw errorAt(begin, "integer " + digits + " is too large");
            }
        }

        private Boolean parseName() throws NpyFormatException {
            int begin = position;
            while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
                position++;
            }
            String name = text.substring(begin, position);
            if (name.equals("True")) {
                return Boolean.TRUE;
            }
            if (name.equals("False")) {
                return Boolean.FALSE;
            }
            throw errorAt(begin, "unexpected name '" + name + "' (expected True or False)");
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            position++;
        }

        /** The current character, or 0 at the end of the text. */
        private char peek() {
            return position < text.length() ? text.charAt(position) : 0;
        }

        private void skipWhitespace() {
            while (position < text.length() && " \t\r\n".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        private NpyFormatException error(String problem) {
            return errorAt(position, "malformed header: " + problem);
        }

        /** An error at a character position in the header text, reported as a byte offset in the file. */
        private NpyFormatException errorAt(int characterPosition, String problem) {
            int bytesBefore = text.substring(0, Math.min(characterPosition, text.length())).getBytes(charset).length;
            return input.error(start + bytesBefore, problem + " in header " + abbreviate(text.strip()));
        }

        private static String abbreviate(String header) {
            return header.length() <= 120 ? header : header.substring(0, 117) + "...";
        }
    }

    /** An input stream that counts the bytes it has delivered, so errors can say where they are. */
    private static final class CountingInput {
        private final InputStream in;
        private final String source;
        private long position;

        CountingInput(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        long position() {
            return position;
        }

        /**
         * Reads exactly {@code count} bytes (at most MAX_HEADER_LENGTH), in chunks, so that a length
         * read from a corrupt file is never allocated before the bytes exist.
         */
        byte[] readExactly(int count, String what) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.min(count, CHUNK_BYTES));
            byte[] chunk = new byte[Math.min(count, CHUNK_BYTES)];
            long start = position;
            while (bytes.size() < count) {
                int wanted = Math.min(chunk.length, count - bytes.size());
                int got = readUpTo(chunk, wanted);
                bytes.write(chunk, 0, got);
                if (got < wanted) {
                    throw error(position, "file ends while reading " + what + " (" + count
                            + " bytes from byte " + start + ")");
                }
            }
            return bytes.toByteArray();
        }

        /** Reads up to {@code count} bytes into the start of {@code into}; fewer only at the end. */
        int readUpTo(byte[] into, int count) throws IOException {
            int got = in.readNBytes(into, 0, count);
            position += got;
            return got;
        }

        NpyFormatException error(long offset, String problem) {
            return new NpyFormatException(source, offset, problem);
        }
    }
}
