package gradschool.data;

import static gradschool.data.TestFiles.writeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gradschool.core.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IrisTest {

    @TempDir
    Path dir;

    private static final String ROWS = Iris.HEADER + "\n"
            + "5.1,3.5,1.4,0.2,setosa\n"
            + "7.0,3.2,4.7,1.4,versicolor\n"
            + "6.3,3.3,6.0,2.5,virginica\n";

    @Test
    void readsASmallFile() throws IOException {
        LabeledData iris = Iris.read(writeText(dir, "iris.csv", ROWS));

        assertThat(iris.features().to2DArray()).isDeepEqualTo(new double[][] {
            {5.1, 3.5, 1.4, 0.2}, {7.0, 3.2, 4.7, 1.4}, {6.3, 3.3, 6.0, 2.5}});
        assertThat(iris.labels().toDoubleArray()).containsExactly(0, 1, 2);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
    }

    @Test
    void readsWindowsLineEndingsAndAGzippedCopy() throws IOException {
        LabeledData crlf = Iris.read(writeText(dir, "crlf.csv", ROWS.replace("\n", "\r\n")));
        LabeledData gz = Iris.read(TestFiles.write(dir, "iris.csv.gz",
                TestFiles.gzip(ROWS.getBytes(StandardCharsets.UTF_8))));

        assertThat(crlf.features()).isEqualTo(gz.features());
        assertThat(crlf.size()).isEqualTo(3);
    }

    @Test
    void wrongHeaderIsReportedOnLine1() throws IOException {
        Path file = writeText(dir, "iris.csv", "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 1: ")
                .hasMessageContaining("expected the header");
    }

    @Test
    void shortLineIsReportedWithItsNumber() throws IOException {
        Path file = writeText(dir, "iris.csv", ROWS + "5.9,3.0,5.1,virginica\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 5: ")
                .hasMessageContaining("expected 5 comma-separated fields, found 4")
                .satisfies(e -> assertThat(((MalformedDataException) e).line()).hasValue(5));
    }

    @Test
    void nonNumberIsReportedWithLineAndColumn() throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\n5.1,3.5,1.4,0.2,setosa\n4.9,three,1.4,0.2,setosa\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 3: ")
                .hasMessageContaining("column 1 (sepal_width_cm): \"three\" is not a number");
    }

    @Test
    void infinityAndNaNAreRejected() throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\nNaN,3.5,1.4,0.2,setosa\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("column 0 (sepal_length_cm): \"NaN\" is not a number");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"1f", "1d", "0x1p3", "0X10", "\u0663", "\uff13", "+3", "3.", ".5", "1e", "1e+", "1.2.3",
        "1,5", "Infinity", "-Infinity", "NaN", "1_0", "", " ", "3 5", "1e999"})
    void onlyPlainFiniteDecimalNumbersAreAccepted(String field) throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\n5.1,3.5,1.4,0.2,setosa\n4.9," + field + ",1.4,0.2,setosa\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 3: ")
                .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(
                        "column 1 (sepal_width_cm): \"" + field + "\"", "expected 5 comma-separated fields"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"-1.4", "-0.1", "-1e-300", "-3"})
    void aNegativeMeasurementIsRejected(String field) throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\n5.1,3.5," + field + ",0.2,setosa\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("column 2 (petal_length_cm)")
                .hasMessageContaining("negative");
    }

    @Test
    void plainDecimalNumbersInEveryAllowedFormRead() throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\n5,3.50,1.4e0, 2E-1 ,setosa\n0,-0,00.25,1.5e+1,virginica\n");

        assertThat(Iris.read(file).features().to2DArray()).isDeepEqualTo(new double[][] {
            {5, 3.5, 1.4, 0.2}, {0, 0, 0.25, 15}});
    }

    @Test
    void unknownSpeciesIsReported() throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\n5.1,3.5,1.4,0.2,Iris-setosa\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 2: ")
                .hasMessageContaining("unknown species \"Iris-setosa\"");
    }

    @Test
    void blankLineInTheMiddleIsReported() throws IOException {
        Path file = writeText(dir, "iris.csv", Iris.HEADER + "\n5.1,3.5,1.4,0.2,setosa\n\n5.1,3.5,1.4,0.2,setosa\n");

        assertThatThrownBy(() -> Iris.read(file))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(file + ", line 3: ")
                .hasMessageContaining("the line is empty");
    }

    @Test
    void emptyFileAndHeaderOnlyAreReported() throws IOException {
        Path empty = writeText(dir, "empty.csv", "");
        Path headerOnly = writeText(dir, "header.csv", Iris.HEADER + "\n");

        assertThatThrownBy(() -> Iris.read(empty))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(empty + ", line 1: ");
        assertThatThrownBy(() -> Iris.read(headerOnly))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageStartingWith(headerOnly + ", line 2: ")
                .hasMessageContaining("no data rows");
    }

    // --- the shipped file, checked against the facts in data/iris/README.md ---

    @Test
    void shippedFileHasThePublishedShapeClassesAndStatistics() throws IOException {
        LabeledData iris = Iris.read(TestFiles.SHIPPED_DATA.resolve("iris").resolve("iris.csv"));

        assertThat(iris.features().shape().toArray()).containsExactly(150, 4);
        assertThat(iris.classCounts()).containsExactly(50, 50, 50);
        double[] means = iris.features().mean(0, false).toDoubleArray();
        assertThat(means[0]).isCloseTo(5.8433, within(1e-4));
        assertThat(means[1]).isCloseTo(3.0573, within(1e-4)); // the UCI file with its two errors gives 3.0540
        assertThat(means[2]).isCloseTo(3.7580, within(1e-4));
        assertThat(means[3]).isCloseTo(1.1993, within(1e-4));
        double[] stds = iris.features().std(0, false).toDoubleArray();
        assertThat(stds).containsExactly(new double[] {0.8253, 0.4344, 1.7594, 0.7597}, within(1e-4));
        // rows 1-50 setosa, 51-100 versicolor, 101-150 virginica; the corrected sample 38 (row 38)
        assertThat(iris.labels().get(0)).isEqualTo(0);
        assertThat(iris.labels().get(50)).isEqualTo(1);
        assertThat(iris.labels().get(149)).isEqualTo(2);
        assertThat(iris.features().select(0, 37)).isEqualTo(Tensor.of(new double[] {4.9, 3.6, 1.4, 0.1}));
    }
}
