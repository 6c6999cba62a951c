package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link BlockTranspose} writes the transpose, across block boundaries and with offsets and strides. */
class BlockTransposeTest {

    @Test
    void theJavadocExampleTransposesATwoByThreeMatrix() {
        double[] w = {1, 2, 3, 4, 5, 6};
        double[] t = new double[6];
        BlockTranspose.copy(w, 0, 3, 1, 2, 3, t, 0, 2);
        assertThat(t).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void linesLongerThanABlockAreCopiedWhole() {
        int lines = 5;
        int length = 2 * BlockTranspose.BLOCK + 3;
        double[] source = new double[2 + lines * 2 * length];
        for (int l = 0; l < lines; l++) {
            for (int q = 0; q < length; q++) {
                source[2 + l * 2 * length + q * 2] = 100 * l + q;   // offset 2, lines 2·length apart, step 2
            }
        }
        double[] target = new double[1 + length * lines];
        BlockTranspose.copy(source, 2, 2 * length, 2, lines, length, target, 1, lines);
        for (int l = 0; l < lines; l++) {
            for (int q = 0; q < length; q++) {
                assertThat(target[1 + q * lines + l]).as("line %s, number %s", l, q).isEqualTo(100.0 * l + q);
            }
        }
        assertThat(target[0]).isZero();
    }

    @Test
    void linesBeyondTheLastGroupOfFourAreCopiedToo() {
        int lines = 7;   // one group of four lines, then three single ones
        int length = BlockTranspose.BLOCK + 5;
        double[] source = new double[lines * length];
        for (int i = 0; i < source.length; i++) {
            source[i] = i;
        }
        double[] target = new double[length * lines];
        BlockTranspose.copy(source, 0, length, 1, lines, length, target, 0, lines);
        for (int l = 0; l < lines; l++) {
            for (int q = 0; q < length; q++) {
                assertThat(target[q * lines + l]).as("line %s, number %s", l, q).isEqualTo(source[l * length + q]);
            }
        }
    }
}
