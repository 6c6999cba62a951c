package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharVocabularyTest {

    @Test
    void lettersAreMakemoresVocabulary() {
        CharVocabulary letters = CharVocabulary.LETTERS;

        assertThat(letters.size()).isEqualTo(27);
        assertThat(letters.index('.')).isZero();
        assertThat(letters.index('a')).isEqualTo(1);
        assertThat(letters.index('z')).isEqualTo(26);
        assertThat(letters.encode("emma")).containsExactly(5, 13, 13, 1);
        assertThat(letters.decode(0, 5, 13, 13, 1, 0)).isEqualTo(".emma.");
        assertThat(letters).hasToString("CharVocabulary(27: .abcdefghijklmnopqrstuvwxyz)");
    }

    @Test
    void ofSortsTheCharactersOfTheWordsAfterTheBoundary() {
        CharVocabulary vocabulary = CharVocabulary.of(List.of("cab", "bad"));

        assertThat(vocabulary.decode(0, 1, 2, 3, 4)).isEqualTo(".abcd");
        assertThat(vocabulary.size()).isEqualTo(5);
    }

    @Test
    void unknownCharactersAreNamedWithTheirPosition() {
        assertThatThrownBy(() -> CharVocabulary.LETTERS.encode("ann-marie"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-' at position 3");
        assertThatThrownBy(() -> CharVocabulary.LETTERS.index('é'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+00E9");
        assertThatThrownBy(() -> CharVocabulary.LETTERS.character(27))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..26");
    }

    @Test
    void aWordWithTheBoundaryCannotBuildAVocabulary() {
        assertThatThrownBy(() -> CharVocabulary.of(List.of("a.b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'.' at position 1");
    }
}
