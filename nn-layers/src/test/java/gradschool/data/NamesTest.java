package gradschool.data;

import static gradschool.data.TestFiles.writeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamesTest {

    @TempDir
    Path dir;

    @Test
    void theShippedSplitIsTheLecturesSplit() throws IOException {
        Names.Split split = Names.readSplit(TestFiles.SHIPPED_DATA.resolve("names"));

        assertThat(split.train()).hasSize(25_626).startsWith("yuheng", "diondre", "xavien");
        assertThat(split.dev()).hasSize(3_203);
        assertThat(split.test()).hasSize(3_204);
        assertThat(split).hasToString("Names.Split(train=25626, dev=3203, test=3204)");
    }

    @Test
    void allNamesGiveTheFirstLecturesBigramCountAndItsVocabulary() throws IOException {
        List<String> all = Names.read(TestFiles.SHIPPED_DATA.resolve("names/names.txt"));
        Names.Split split = Names.readSplit(TestFiles.SHIPPED_DATA.resolve("names"));
        List<String> union = new ArrayList<>(split.train());
        union.addAll(split.dev());
        union.addAll(split.test());

        assertThat(all).hasSize(32_033).startsWith("emma", "olivia", "ava");
        assertThat(Names.exampleCount(all)).isEqualTo(228_146);
        assertThat(Names.longest(all)).isEqualTo(15);
        assertThat(CharVocabulary.of(all)).isEqualTo(CharVocabulary.LETTERS);
        assertThat(union).containsExactlyInAnyOrderElementsOf(all);
    }

    @Test
    void contextWindowsAreTheLecturesBuildDataset() {
        TensorDataset emma = Names.contextWindows(List.of("emma"), CharVocabulary.LETTERS, 3);

        assertThat(emma.inputs().to2DArray()).isDeepEqualTo(new double[][] {
            {0, 0, 0}, {0, 0, 5}, {0, 5, 13}, {5, 13, 13}, {13, 13, 1}});
        assertThat(emma.targets().toDoubleArray()).containsExactly(5, 13, 13, 1, 0);
    }

    @Test
    void contextWindowsOfTwoNamesRestartTheContext() {
        TensorDataset two = Names.contextWindows(List.of("ab", "c"), CharVocabulary.LETTERS, 2);

        assertThat(two.inputs().to2DArray()).isDeepEqualTo(new double[][] {
            {0, 0}, {0, 1}, {1, 2}, {0, 0}, {0, 3}});
        assertThat(two.targets().toDoubleArray()).containsExactly(1, 2, 0, 3, 0);
    }

    @Test
    void sequencesShiftByOneAndPadTheTargetsWithTheIgnoreIndex() {
        TensorDataset emma = Names.sequences(List.of("emma", "al"), CharVocabulary.LETTERS, 6, -100);

        assertThat(emma.inputs().to2DArray()).isDeepEqualTo(new double[][] {
            {0, 5, 13, 13, 1, 0}, {0, 1, 12, 0, 0, 0}});
        assertThat(emma.targets().to2DArray()).isDeepEqualTo(new double[][] {
            {5, 13, 13, 1, 0, -100}, {1, 12, 0, -100, -100, -100}});
    }

    @Test
    void aSequenceTooShortForANameNamesIt() {
        assertThatThrownBy(() -> Names.sequences(List.of("ab", "abcdef"), CharVocabulary.LETTERS, 6, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"abcdef\" (name 1)").hasMessageContaining("needs length 7");
    }

    @Test
    void anIgnoreIndexThatIsASymbolIsRejected() {
        assertThatThrownBy(() -> Names.sequences(List.of("ab"), CharVocabulary.LETTERS, 4, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ignoreIndex 0 is a symbol");
    }

    @Test
    void aBlockSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> Names.contextWindows(List.of("ab"), CharVocabulary.LETTERS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blockSize must be at least 1");
    }

    @Test
    void aLineWithAnUpperCaseLetterNamesTheFileLineAndColumn() throws IOException {
        Path file = writeText(dir, "names.txt", "emma\nolivia\nAva\n");

        assertThatThrownBy(() -> Names.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("names.txt").hasMessageContaining("line 3")
                .hasMessageContaining("column 0").hasMessageContaining("'A'");
    }

    @Test
    void anEmptyLineIsAnError() throws IOException {
        Path file = writeText(dir, "names.txt", "emma\n\nava\n");

        assertThatThrownBy(() -> Names.read(file))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("line 2").hasMessageContaining("empty");
    }

    @Test
    void aBinaryFileFailsOnItsFirstLongLine() throws IOException {
        Path file = writeText(dir, "names.txt", "a".repeat(Names.MAX_NAME_LENGTH + 1) + "\n");

        assertThatThrownBy(() -> Names.read(file))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("line 1").hasMessageContaining("longer");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        Path file = writeText(dir, "names.txt", "");

        assertThatThrownBy(() -> Names.read(file))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("no names");
    }

    @Test
    void theLastLineMayLackItsLineBreakAndWindowsBreaksRead() throws IOException {
        assertThat(Names.read(writeText(dir, "a.txt", "emma\r\nava"))).containsExactly("emma", "ava");
    }
}
