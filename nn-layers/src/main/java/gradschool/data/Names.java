package gradschool.data;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads the names data set of the makemore lectures ({@code data/names/}) and turns names into
 * training examples for character-level language models.
 *
 * <pre>{@code
 * Names.Split split = Names.readSplit(Path.of("data/names")); // 25,626 / 3,203 / 3,204 names
 * TensorDataset train = Names.contextWindows(split.train(), CharVocabulary.LETTERS, 3);
 * train.inputs();  // (182625, 3): the three previous characters, 0 = '.' before the name starts
 * train.targets(); // (182625,): the next character, 0 = '.' after the name ends
 * }</pre>
 *
 * <h2>Format</h2>
 * One name per line, lower-case ASCII letters {@code a}–{@code z} only, 1 to
 * {@value #MAX_NAME_LENGTH} of them; the last line may lack its line break. A wrong line raises a
 * {@link MalformedDataException} naming the file, the line and the column. The split files are the
 * lectures' own ({@code random.seed(42); random.shuffle(words)}, 80% / 10% / 10%), so losses compare
 * with theirs.
 *
 * <p>Data: the most common U.S. baby names of 2018 from the Social Security Administration
 * (ssa.gov), as distributed in karpathy/makemore (MIT License, Copyright (c) 2022 Andrej Karpathy);
 * see {@code data/names/README.md}.
 */
public final class Names {

    /** The most letters a name may have; the longest in the data set has 15. */
    public static final int MAX_NAME_LENGTH = 64;

    /** The most names a file may have; the data set has 32,033. */
    public static final int MAX_NAMES = 10_000_000;

    /**
     * The names of the lectures' split.
     *
     * @param train the training names (80%)
     * @param dev the development (validation) names (10%)
     * @param test the test names (10%)
     */
    public record Split(List<String> train, List<String> dev, List<String> test) {

        /**
         * Checks the parts and keeps unmodifiable copies.
         *
         * @param train the training names
         * @param dev the development names
         * @param test the test names
         */
        public Split {
            train = List.copyOf(train);
            dev = List.copyOf(dev);
            test = List.copyOf(test);
        }

        /**
         * Shows the sizes, e.g. {@code Names.Split(train=25626, dev=3203, test=3204)}.
         *
         * @return the text
         */
        @Override
        public String toString() {
            return "Names.Split(train=" + train.size() + ", dev=" + dev.size() + ", test=" + test.size() + ")";
        }
    }

    private Names() {
    }

    /**
     * Reads a file of names, one per line.
     *
     * @param file the file (plain or gzip-compressed)
     * @return the names, in file order
     * @throws MalformedDataException naming the file, line and column, if a line is empty, too long or
     *     has a character other than {@code a}–{@code z}, or there are too many names
     * @throws IOException if the file cannot be read
     */
    public static List<String> read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        List<String> names = new ArrayList<>();
        try (BufferedReader reader = DataFiles.openText(file)) {
            TextLines lines = new TextLines(file, reader, MAX_NAME_LENGTH);
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isEmpty()) {
                    throw MalformedDataException.atLine(file, lines.number(), "the line is empty; expected a name"
                            + " of lower-case letters a-z");
                }
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c < 'a' || c > 'z') {
                        throw lines.errorInColumn(i, "character " + (i + 1), "\"" + line + "\" has "
                                + (c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c))
                                + "; a name has lower-case letters a-z only");
                    }
                }
                if (names.size() == MAX_NAMES) {
                    throw MalformedDataException.atLine(file, lines.number(), "more than " + MAX_NAMES
                            + " names: not a names file");
                }
                names.add(line);
            }
        }
        if (names.isEmpty()) {
            throw MalformedDataException.atLine(file, 1, "the file has no names");
        }
        return names;
    }

    /**
     * Reads the lectures' split from a directory holding {@code names-train.txt},
     * {@code names-dev.txt} and {@code names-test.txt}.
     *
     * @param directory the directory, e.g. {@code data/names}
     * @return the three parts
     * @throws IOException if a file is missing, unreadable or malformed (naming it)
     */
    public static Split readSplit(Path directory) throws IOException {
        return new Split(read(directory.resolve("names-train.txt")), read(directory.resolve("names-dev.txt")),
                read(directory.resolve("names-test.txt")));
    }

    /**
     * Returns the number of (context → next character) examples of some names: each name of
     * {@code n} letters gives {@code n + 1}, its letters and the end symbol.
     *
     * @param names the names
     * @return the count (228,146 for all 32,033 names: the bigrams of the first lecture)
     */
    public static int exampleCount(List<String> names) {
        long count = 0;
        for (String name : names) {
            count += name.length() + 1;
        }
        return Math.toIntExact(count);
    }

    /**
     * Turns names into (context → next character) examples, the lectures' {@code build_dataset}:
     * for each name the context starts as {@code blockSize} boundary symbols (0); for each letter and
     * then the end symbol, the example is (context, that symbol), and the symbol is shifted into the
     * context.
     *
     * <p>{@code "emma"} with block size 3 gives {@code ... → e}, {@code ..e → m}, {@code .em → m},
     * {@code emm → a}, {@code mma → .}.
     *
     * @param names the names
     * @param vocabulary the vocabulary (usually {@link CharVocabulary#LETTERS})
     * @param blockSize how many previous symbols the model sees, at least 1
     * @return inputs {@code (examples, blockSize)} and targets {@code (examples,)}, symbol indices stored
     *     as doubles
     * @throws IllegalArgumentException if {@code blockSize < 1} or a name has a symbol outside the vocabulary
     */
    public static TensorDataset contextWindows(List<String> names, CharVocabulary vocabulary, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("Names.contextWindows: blockSize must be at least 1, got " + blockSize);
        }
        int examples = exampleCount(names);
        double[] inputs = new double[Math.multiplyExact(examples, blockSize)];
        double[] targets = new double[examples];
        int[] context = new int[blockSize];
        int row = 0;
        for (String name : names) {
            Arrays.fill(context, CharVocabulary.BOUNDARY_INDEX);
            int[] symbols = vocabulary.encode(name);
            for (int i = 0; i <= symbols.length; i++) {
                int next = i < symbols.length ? symbols[i] : CharVocabulary.BOUNDARY_INDEX;
                for (int j = 0; j < blockSize; j++) {
                    inputs[row * blockSize + j] = context[j];
                }
                targets[row] = next;
                System.arraycopy(context, 1, context, 0, blockSize - 1);
                context[blockSize - 1] = next;
                row++;
            }
        }
        return new TensorDataset(Tensor.of(Shape.of(examples, blockSize), inputs), Tensor.of(Shape.of(examples), targets));
    }

    /**
     * Turns names into padded sequences for sequence models (makemore's {@code CharDataset}): row
     * {@code i} of the inputs is the start symbol then the name's letters, padded with 0; row {@code i}
     * of the targets is the name's letters then the end symbol (the input shifted by one), padded with
     * {@code ignoreIndex}, so a loss with that {@code ignoreIndex} skips the padding.
     *
     * <p>{@code "emma"} with length 6 and ignore index -100: inputs {@code [0, 5, 13, 13, 1, 0]},
     * targets {@code [5, 13, 13, 1, 0, -100]}.
     *
     * @param names the names
     * @param vocabulary the vocabulary
     * @param length the sequence length {@code T}; at least the longest name's length + 1
     * @param ignoreIndex the target value of padding positions (PyTorch's default is -100; makemore uses -1)
     * @return inputs {@code (names, T)} and targets {@code (names, T)}, indices stored as doubles
     * @throws IllegalArgumentException if a name does not fit in {@code length - 1} letters, naming it, or
     *     {@code ignoreIndex} is a valid symbol index
     */
    public static TensorDataset sequences(List<String> names, CharVocabulary vocabulary, int length, int ignoreIndex) {
        if (ignoreIndex >= 0 && ignoreIndex < vocabulary.size()) {
            throw new IllegalArgumentException("Names.sequences: ignoreIndex " + ignoreIndex + " is a symbol of "
                    + vocabulary + "; use a value outside 0.." + (vocabulary.size() - 1) + ", e.g. -100");
        }
        int n = names.size();
        double[] inputs = new double[Math.multiplyExact(n, length)];
        double[] targets = new double[inputs.length];
        Arrays.fill(targets, ignoreIndex);
        for (int row = 0; row < n; row++) {
            String name = names.get(row);
            if (name.length() + 1 > length) {
                throw new IllegalArgumentException("Names.sequences: \"" + name + "\" (name " + row + ") has "
                        + name.length() + " letters; with its start symbol it needs length " + (name.length() + 1)
                        + ", but length is " + length);
            }
            int[] symbols = vocabulary.encode(name);
            int base = row * length;
            for (int i = 0; i < symbols.length; i++) {
                inputs[base + i + 1] = symbols[i];
                targets[base + i] = symbols[i];
            }
            targets[base + symbols.length] = CharVocabulary.BOUNDARY_INDEX;
        }
        return new TensorDataset(Tensor.of(Shape.of(n, length), inputs), Tensor.of(Shape.of(n, length), targets));
    }

    /**
     * Returns the length of the longest name.
     *
     * @param names the names
     * @return the longest length, 0 if there are none
     */
    public static int longest(List<String> names) {
        int longest = 0;
        for (String name : names) {
            longest = Math.max(longest, name.length());
        }
        return longest;
    }
}
