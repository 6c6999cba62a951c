package gradschool.core.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the matmul kernels: each fast kernel agrees with the naive reference up to rounding,
 * the two fast kernels compute exactly the documented chain of fused multiply-adds, and the number of
 * threads never changes a single bit.
 *
 * <p>Each case is a {@link Problem}: sizes {@code m, k, n} (0, 1, odd, and across the kernels' block
 * sizes), random offsets of each matrix inside its array, and random numbers around them. The arrays
 * around C are filled with a sentinel so that a kernel writing outside C is caught.
 */
class MatMulKernelsProperties {

    /** The value stored around C; no kernel may overwrite it. */
    private static final double SENTINEL = -12345.678;

    /** Unit roundoff for double: 2^-53. */
    private static final double UNIT_ROUNDOFF = Math.ulp(1.0) / 2;

    @Property(tries = 150)
    void blockedAgreesWithNaive(@ForAll("smallProblems") Problem problem) {
        assertCloseToNaive(problem, problem.runBlocked(1));
    }

    @Property(tries = 25)
    void blockedAgreesWithNaiveAcrossBlocks(@ForAll("blockCrossingProblems") Problem problem) {
        assertCloseToNaive(problem, problem.runBlocked(1));
    }

    @Property(tries = 150)
    void vectorizedAgreesWithNaive(@ForAll("smallProblems") Problem problem) {
        assertCloseToNaive(problem, problem.runVectorized(1));
    }

    @Property(tries = 25)
    void vectorizedAgreesWithNaiveAcrossBlocks(@ForAll("blockCrossingProblems") Problem problem) {
        assertCloseToNaive(problem, problem.runVectorized(1));
    }

    @Property(tries = 150)
    void multiplyAgreesWithNaive(@ForAll("smallProblems") Problem problem) {
        assertCloseToNaive(problem, problem.runMultiply());
    }

    @Property(tries = 100)
    void fastKernelsComputeTheFmaChainExactly(@ForAll("smallProblems") Problem problem) {
        double[] chain = problem.fmaChainReference();
        assertThat(problem.runBlocked(1)).isEqualTo(chain);
        assertThat(problem.runVectorized(1)).isEqualTo(chain);
    }

    @Property(tries = 15)
    void fastKernelsComputeTheFmaChainExactlyAcrossBlocks(@ForAll("blockCrossingProblems") Problem problem) {
        double[] chain = problem.fmaChainReference();
        assertThat(problem.runBlocked(1)).isEqualTo(chain);
        assertThat(problem.runVectorized(1)).isEqualTo(chain);
    }

    @Property(tries = 60)
    void everyVectorTileComputesTheFmaChainExactly(@ForAll("smallProblems") Problem problem) {
        double[] chain = problem.fmaChainReference();
        for (VectorMatMul.Tile tile : VectorMatMul.Tile.values()) {
            assertThat(problem.runVectorized(1, tile)).as("tile %s", tile).isEqualTo(chain);
            assertThat(problem.runVectorized(3, tile)).as("tile %s, 3 threads", tile).isEqualTo(chain);
        }
    }

    @Property(tries = 12)
    void everyVectorTileComputesTheFmaChainExactlyAcrossBlocks(@ForAll("blockCrossingProblems") Problem problem) {
        double[] chain = problem.fmaChainReference();
        for (VectorMatMul.Tile tile : VectorMatMul.Tile.values()) {
            assertThat(problem.runVectorized(1, tile)).as("tile %s", tile).isEqualTo(chain);
            assertThat(problem.runVectorized(2, tile)).as("tile %s, 2 threads", tile).isEqualTo(chain);
        }
    }

    @Property(tries = 60)
    void blockedGivesTheSameBitsOnAnyNumberOfThreads(@ForAll("smallProblems") Problem problem) {
        double[] one = problem.runBlocked(1);
        assertThat(problem.runBlocked(2)).isEqualTo(one);
        assertThat(problem.runBlocked(3)).isEqualTo(one);
    }

    @Property(tries = 60)
    void vectorizedGivesTheSameBitsOnAnyNumberOfThreads(@ForAll("smallProblems") Problem problem) {
        double[] one = problem.runVectorized(1);
        assertThat(problem.runVectorized(2)).isEqualTo(one);
        assertThat(problem.runVectorized(3)).isEqualTo(one);
    }

    @Property(tries = 10)
    void bigProductsGiveTheSameBitsOnOneOrTwoThreads(@ForAll("blockCrossingProblems") Problem problem) {
        assertThat(problem.runBlocked(2)).isEqualTo(problem.runBlocked(1));
        assertThat(problem.runVectorized(2)).isEqualTo(problem.runVectorized(1));
    }

    @Property(tries = 200)
    void rowSplitCoversTheRowsInWholeGranules(@ForAll("rowCounts") int rows, @ForAll("threadCounts") int parts,
                                              @ForAll("granules") int granule) {
        List<int[]> ranges = RowSplit.split(rows, parts, granule);
        assertThat(ranges.size()).isLessThanOrEqualTo(parts);
        int expectedStart = 0;
        for (int[] range : ranges) {
            assertThat(range[0]).isEqualTo(expectedStart);
            assertThat(range[1]).isGreaterThan(range[0]);
            assertThat(range[1] == rows || range[1] % granule == 0).as("boundary %s", range[1]).isTrue();
            expectedStart = range[1];
        }
        assertThat(expectedStart).isEqualTo(rows);
    }

    /** Sizes from 0 to about twice the register blocks (4 rows, 8 columns), with edge cases first. */
    @Provide
    Arbitrary<Problem> smallProblems() {
        Arbitrary<Integer> size = Arbitraries.integers().between(0, 21).edgeCases(edges -> edges.includeOnly(0, 1, 21));
        return problems(size, size, size);
    }

    /**
     * Sizes that cross the cache blocks: {@code k} past 128 (blocked) and 512 (vectorized), {@code n} past
     * 256 (blocked), {@code m} past 48 (vectorized) and twice that; rarely multiples of anything.
     */
    @Provide
    Arbitrary<Problem> blockCrossingProblems() {
        return problems(Arbitraries.integers().between(1, 100), Arbitraries.integers().between(100, 560),
                Arbitraries.integers().between(1, 290));
    }

    @Provide
    Arbitrary<Integer> rowCounts() {
        return Arbitraries.integers().between(0, 200);
    }

    @Provide
    Arbitrary<Integer> threadCounts() {
        return Arbitraries.integers().between(1, 9);
    }

    @Provide
    Arbitrary<Integer> granules() {
        return Arbitraries.integers().between(1, 8);
    }

    private static Arbitrary<Problem> problems(Arbitrary<Integer> ms, Arbitrary<Integer> ks, Arbitrary<Integer> ns) {
        Arbitrary<Integer> offsets = Arbitraries.integers().between(0, 7);
        return Combinators.combine(ms, ks, ns, offsets, offsets, offsets, Arbitraries.longs())
                .as(Problem::new);
    }

    /** Asserts each element of C is within the rounding-error bound of the naive result. */
    private static void assertCloseToNaive(Problem problem, double[] actual) {
        double[] expected = problem.run(MatMulKernels::naive);
        double[] bound = problem.errorBound();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %s of C in %s", i, problem).isCloseTo(expected[i],
                    org.assertj.core.api.Assertions.within(bound[i]));
        }
    }

    /** A kernel with the signature of {@link MatMulKernels#naive}. */
    @FunctionalInterface
    private interface Kernel {
        void multiply(int m, int k, int n, double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset);
    }

    /** One multiplication problem: sizes, offsets and the arrays holding A and B. */
    static final class Problem {
        final int m;
        final int k;
        final int n;
        final int aOffset;
        final int bOffset;
        final int cOffset;
        final double[] a;
        final double[] b;

        Problem(int m, int k, int n, int aOffset, int bOffset, int cOffset, long seed) {
            this.m = m;
            this.k = k;
            this.n = n;
            this.aOffset = aOffset;
            this.bOffset = bOffset;
            this.cOffset = cOffset;
            Random random = new Random(seed);
            this.a = randomArray(random, aOffset + m * k + 3);
            this.b = randomArray(random, bOffset + k * n + 3);
        }

        private static double[] randomArray(Random random, int length) {
            double[] data = new double[length];
            for (int i = 0; i < length; i++) {
                data[i] = random.nextGaussian();
            }
            return data;
        }

        /**
         * Runs a kernel into a sentinel-filled array, checks that nothing outside C and nothing in A or
         * B changed, and returns C.
         */
        double[] run(Kernel kernel) {
            double[] aBefore = a.clone();
            double[] bBefore = b.clone();
            double[] c = new double[cOffset + m * n + 5];
            Arrays.fill(c, SENTINEL);
            kernel.multiply(m, k, n, a, aOffset, b, bOffset, c, cOffset);
            assertThat(a).as("A after the kernel").isEqualTo(aBefore);
            assertThat(b).as("B after the kernel").isEqualTo(bBefore);
            for (int i = 0; i < c.length; i++) {
                if (i < cOffset || i >= cOffset + m * n) {
                    assertThat(c[i]).as("c[%s], outside C in %s", i, this).isEqualTo(SENTINEL);
                }
            }
            return Arrays.copyOfRange(c, cOffset, cOffset + m * n);
        }

        double[] runBlocked(int threads) {
            return run((rows, depth, cols, aa, ao, bb, bo, cc, co) -> MatMulKernels.blocked(rows, depth, cols, aa, ao, bb, bo, cc, co, threads));
        }

        double[] runVectorized(int threads) {
            return run((rows, depth, cols, aa, ao, bb, bo, cc, co) -> MatMulKernels.vectorized(rows, depth, cols, aa, ao, bb, bo, cc, co, threads));
        }

        double[] runVectorized(int threads, VectorMatMul.Tile tile) {
            return run((rows, depth, cols, aa, ao, bb, bo, cc, co) -> VectorMatMul.multiply(rows, depth, cols,
                    aa, ao, depth, 1, bb, bo, cols, 1, cc, co, threads, tile));
        }

        double[] runMultiply() {
            return run(MatMulKernels::multiply);
        }

        /** The chain the fast kernels document: {@code c = 0; c = fma(a_ip, b_pj, c)} for p = 0, 1, …. */
        double[] fmaChainReference() {
            double[] c = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int p = 0; p < k; p++) {
                        sum = Math.fma(a[aOffset + i * k + p], b[bOffset + p * n + j], sum);
                    }
                    c[i * n + j] = sum;
                }
            }
            return c;
        }

        /**
         * The standard bound on the rounding error of a k-term dot product, {@code k·u·Σ_p |a_ip|·|b_pj|},
         * doubled (both the naive result and the kernel's are rounded), for each element of C.
         */
        double[] errorBound() {
            double[] bound = new double[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double absSum = 0;
                    for (int p = 0; p < k; p++) {
                        absSum += Math.abs(a[aOffset + i * k + p] * b[bOffset + p * n + j]);
                    }
                    bound[i * n + j] = 2 * (k + 1) * UNIT_ROUNDOFF * absSum * 1.01;
                }
            }
            return bound;
        }

        @Override
        public String toString() {
            return "A " + m + "×" + k + " at offset " + aOffset + ", B " + k + "×" + n + " at offset " + bOffset
                    + ", C at offset " + cOffset;
        }
    }
}
