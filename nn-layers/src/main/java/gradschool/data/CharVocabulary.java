package gradschool.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The characters a character-level language model knows, each with its index: {@code '.'} is 0 and
 * marks both the start and the end of a word; the other characters follow in sorted order, from 1.
 *
 * <p>For the names data set this is makemore's vocabulary of 27 symbols — {@code .} = 0,
 * {@code a} = 1, …, {@code z} = 26 — which {@link #LETTERS} gives directly and {@link #of(List)}
 * builds from the names, as the lectures do ({@code chars = sorted(set(''.join(words)))},
 * {@code stoi = {s: i + 1 for i, s in enumerate(chars)}}, {@code stoi['.'] = 0}).
 *
 * <pre>{@code
 * CharVocabulary vocabulary = CharVocabulary.LETTERS;
 * vocabulary.size();             // 27
 * vocabulary.index('e');         // 5
 * vocabulary.encode("emma");     // [5, 13, 13, 1]
 * vocabulary.decode(5, 13, 13, 1); // "emma"
 * }</pre>
 */
public final class CharVocabulary {

    /** The start/end symbol, index 0. */
    public static final char BOUNDARY = '.';

    /** The index of {@link #BOUNDARY}. */
    public static final int BOUNDARY_INDEX = 0;

    /** {@code .} = 0, then {@code a} … {@code z} = 1 … 26: the names data set's vocabulary. */
    public static final CharVocabulary LETTERS = new CharVocabulary("abcdefghijklmnopqrstuvwxyz".toCharArray());

    /** Index by character (for characters below 128), -1 where the character is not known. */
    private final int[] indexOf = new int[128];
    private final char[] characters;

    private CharVocabulary(char[] sortedLetters) {
        Arrays.fill(indexOf, -1);
        characters = new char[sortedLetters.length + 1];
        characters[BOUNDARY_INDEX] = BOUNDARY;
        indexOf[BOUNDARY] = BOUNDARY_INDEX;
        for (int i = 0; i < sortedLetters.length; i++) {
            characters[i + 1] = sortedLetters[i];
            indexOf[sortedLetters[i]] = i + 1;
        }
    }

    /**
     * Builds the vocabulary of some words: {@code '.'} = 0, then every character that occurs in them,
     * sorted, from 1.
     *
     * @param words the words (printable ASCII other than {@code '.'})
     * @return the vocabulary
     * @throws IllegalArgumentException if a word contains {@code '.'} or a character outside printable
     *     ASCII, naming the word and the position
     */
    public static CharVocabulary of(List<String> words) {
        Objects.requireNonNull(words, "words");
        TreeSet<Character> seen = new TreeSet<>();
        for (String word : words) {
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c == BOUNDARY || c < 0x21 || c > 0x7e) {
                    throw new IllegalArgumentException("CharVocabulary: word \"" + word + "\" has "
                            + describe(c) + " at position " + i + "; words may contain printable ASCII other"
                            + " than '.', which marks the start and end of a word");
                }
                seen.add(c);
            }
        }
        char[] letters = new char[seen.size()];
        int i = 0;
        for (char c : seen) {
            letters[i++] = c;
        }
        return new CharVocabulary(letters);
    }

    /**
     * Returns the number of symbols, the boundary included (27 for the names).
     *
     * @return the size
     */
    public int size() {
        return characters.length;
    }

    /**
     * Returns the index of a character.
     *
     * @param c the character
     * @return its index, 0 for {@code '.'}
     * @throws IllegalArgumentException if the vocabulary does not contain it
     */
    public int index(char c) {
        int index = c < indexOf.length ? indexOf[c] : -1;
        if (index < 0) {
            throw new IllegalArgumentException("CharVocabulary: " + describe(c) + " is not in the vocabulary "
                    + this);
        }
        return index;
    }

    /**
     * Returns the character with an index.
     *
     * @param index from 0 to {@code size() - 1}
     * @return the character
     * @throws IllegalArgumentException if the index is out of range
     */
    public char character(int index) {
        if (index < 0 || index >= characters.length) {
            throw new IllegalArgumentException("CharVocabulary: index " + index + " is outside 0.."
                    + (characters.length - 1));
        }
        return characters[index];
    }

    /**
     * Returns the indices of a word's characters, without boundary symbols.
     *
     * @param word the word
     * @return one index per character
     * @throws IllegalArgumentException naming the character and its position, if one is not in the
     *     vocabulary
     */
    public int[] encode(String word) {
        int[] indices = new int[word.length()];
        for (int i = 0; i < indices.length; i++) {
            char c = word.charAt(i);
            int index = c < indexOf.length ? indexOf[c] : -1;
            if (index < 0) {
                throw new IllegalArgumentException("CharVocabulary: \"" + word + "\" has " + describe(c)
                        + " at position " + i + ", which is not in the vocabulary " + this);
            }
            indices[i] = index;
        }
        return indices;
    }

    /**
     * Returns the text of some indices ({@code 0} becomes {@code '.'}).
     *
     * @param indices the indices
     * @return the text
     * @throws IllegalArgumentException if an index is out of range
     */
    public String decode(int... indices) {
        StringBuilder text = new StringBuilder(indices.length);
        for (int index : indices) {
            text.append(character(index));
        }
        return text.toString();
    }

    /**
     * Shows the symbols in index order, e.g. {@code CharVocabulary(27: .abcdefghijklmnopqrstuvwxyz)}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return "CharVocabulary(" + characters.length + ": " + new String(characters) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CharVocabulary that && Arrays.equals(characters, that.characters);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(characters);
    }

    private static String describe(char c) {
        return c >= 0x21 && c <= 0x7e ? "'" + c + "'" : String.format("the character U+%04X", (int) c);
    }
}
