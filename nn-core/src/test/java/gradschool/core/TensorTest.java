package gradschool.core;

import static gradschool.core.TensorSeedTest.assertTensor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Examples for {@link Tensor}, each checked against numbers computed by hand (or by numpy). */
class TensorTest {

    private static final double EXACT = 1e-12;

    /** {@code [[1, 5, 3], [4, 2, 6]]}, the matrix most reductions below are worked out on. */
    private static Tensor matrix() {
        return Tensor.of(new double[][] {{1, 5, 3}, {4, 2, 6}});
    }

    @Nested
    class Creation {

        @Test
        void zerosOnesAndFullOfEveryRank() {
            for (int rank = 0; rank <= 4; rank++) {
                int[] dims = new int[rank];
                for (int i = 0; i < rank; i++) {
                    dims[i] = i + 2;
                }
                Shape shape = Shape.of(dims);
                Tensor zeros = Tensor.zeros(dims);
                Tensor ones = Tensor.ones(dims);
                Tensor sevens = Tensor.full(shape, 7);
                assertThat(zeros.shape()).isEqualTo(shape);
                assertThat(zeros.rank()).isEqualTo(rank);
                assertThat(ones.size()).isEqualTo(shape.size());
                assertThat(zeros.toDoubleArray()).hasSize(shape.size()).containsOnly(0.0);
                assertThat(ones.toDoubleArray()).hasSize(shape.size()).containsOnly(1.0);
                assertThat(sevens.toDoubleArray()).hasSize(shape.size()).containsOnly(7.0);
                assertThat(Tensor.zeros(shape)).isEqualTo(zeros);
                assertThat(Tensor.ones(shape)).isEqualTo(ones);
                assertThat(zeros.isContiguous()).isTrue();
            }
        }

        @Test
        void scalarHasRankZero() {
            Tensor scalar = Tensor.of(2.5);
            assertThat(scalar.shape()).isEqualTo(Shape.scalar());
            assertThat(scalar.item()).isEqualTo(2.5);
            assertThat(scalar.get()).isEqualTo(2.5);
        }

        @Test
        void ofCopiesArraysOfRankOneToFour() {
            double[] row = {1, 2, 3};
            Tensor vector = Tensor.of(row);
            row[0] = 99;
            assertTensor(vector, Shape.of(3), 0, 1, 2, 3);

            Tensor cube = Tensor.of(new double[][][] {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}});
            assertTensor(cube, Shape.of(2, 3, 2), 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
            assertThat(cube.get(1, 2, 0)).isEqualTo(11);

            Tensor four = Tensor.of(new double[][][][] {{{{1, 2, 3}}, {{4, 5, 6}}}});
            assertTensor(four, Shape.of(1, 2, 1, 3), 0, 1, 2, 3, 4, 5, 6);
            assertThat(four.get(0, 1, 0, 2)).isEqualTo(6);

            Tensor fromShape = Tensor.of(Shape.of(2, 2), new double[] {1, 2, 3, 4});
            assertThat(fromShape.get(1, 0)).isEqualTo(3);
            assertThat(Tensor.of(new double[0][]).shape()).isEqualTo(Shape.of(0, 0));
        }

        @Test
        void eye() {
            assertTensor(Tensor.eye(3), Shape.of(3, 3), 0, 1, 0, 0, 0, 1, 0, 0, 0, 1);
            assertThat(Tensor.eye(0).shape()).isEqualTo(Shape.of(0, 0));
        }

        @Test
        void arangeLikeNumpy() {
            assertTensor(Tensor.arange(5), Shape.of(5), 0, 0, 1, 2, 3, 4);
            assertTensor(Tensor.arange(1, 2, 0.25), Shape.of(4), EXACT, 1, 1.25, 1.5, 1.75);
            assertTensor(Tensor.arange(5, 0, -2), Shape.of(3), 0, 5, 3, 1);
            assertTensor(Tensor.arange(0, 1, 0.3), Shape.of(4), EXACT, 0, 0.3, 0.6, 0.9);
            assertThat(Tensor.arange(3, 1, 1).shape()).isEqualTo(Shape.of(0));
            assertThat(Tensor.arange(0).shape()).isEqualTo(Shape.of(0));
        }

        @Test
        void linspaceIncludesBothEnds() {
            assertTensor(Tensor.linspace(0, 1, 5), Shape.of(5), EXACT, 0, 0.25, 0.5, 0.75, 1);
            assertTensor(Tensor.linspace(2, -2, 3), Shape.of(3), EXACT, 2, 0, -2);
            assertTensor(Tensor.linspace(2, 3, 1), Shape.of(1), 0, 2);
            assertThat(Tensor.linspace(0, 1, 0).shape()).isEqualTo(Shape.of(0));
            // the last value is exactly stop, even when the step is not exact in binary
            assertThat(Tensor.linspace(0, 0.7, 8).get(-1)).isEqualTo(0.7);
        }
    }

    @Nested
    class Random_ {

        @Test
        void sameSeedGivesSameNumbers() {
            assertThat(Tensor.rand(Shape.of(3, 4), 5)).isEqualTo(Tensor.rand(Shape.of(3, 4), 5));
            assertThat(Tensor.randn(Shape.of(7), 5)).isEqualTo(Tensor.randn(Shape.of(7), 5));
            assertThat(Tensor.uniform(Shape.of(2, 2), -1, 1, 5)).isEqualTo(Tensor.uniform(Shape.of(2, 2), -1, 1, 5));
            assertThat(Tensor.randint(Shape.of(9), 0, 100, 5)).isEqualTo(Tensor.randint(Shape.of(9), 0, 100, 5));
            assertThat(Tensor.rand(Shape.of(8), 5)).isNotEqualTo(Tensor.rand(Shape.of(8), 6));
            assertThat(Tensor.randn(new Random(3), 4)).isEqualTo(Tensor.randn(Shape.of(4), 3));
        }

        @Test
        void pinnedValuesFromJavaUtilRandom() {
            // java.util.Random's algorithm is part of its specification, so these never change.
            assertTensor(Tensor.rand(Shape.of(3), 1), Shape.of(3), 0,
                    0.7308781907032909, 0.41008081149220166, 0.20771484130971707);
            assertTensor(Tensor.randn(Shape.of(3), 1), Shape.of(3), 1e-15,
                    -1.3684557422861845, 0.867474057146585, -0.3389083694695043);
            assertTensor(Tensor.uniform(Shape.of(2), -2, 3, 1), Shape.of(2), 1e-15,
                    1.6543909535164545, 0.05040405746100829);
            assertTensor(Tensor.randint(Shape.of(6), 0, 10, 1), Shape.of(6), 0, 5, 8, 7, 3, 4, 4);
            // rand is exactly Random.nextDouble()
            Random reference = new Random(1L);
            assertThat(Tensor.rand(Shape.of(3), 1).get(0)).isEqualTo(reference.nextDouble());
        }

        @Test
        void randnHasMeanZeroAndStandardDeviationOne() {
            Tensor samples = Tensor.randn(Shape.of(10_000), 2024);
            assertThat(samples.mean().item()).isCloseTo(0.0, within(0.03));
            assertThat(samples.std().item()).isCloseTo(1.0, within(0.03));
            // about 68% within one standard deviation
            double inside = samples.abs().lt(1.0).mean().item();
            assertThat(inside).isCloseTo(0.6827, within(0.015));
        }

        @Test
        void randintOverTheWholeIntRange() {
            // high - low = 2^32 - 1 does not fit in an int
            Tensor ints = Tensor.randint(Shape.of(1000), Integer.MIN_VALUE, Integer.MAX_VALUE, 3);
            assertThat(ints.min().item()).isGreaterThanOrEqualTo(Integer.MIN_VALUE).isLessThan(-1e9);
            assertThat(ints.max().item()).isLessThan(Integer.MAX_VALUE).isGreaterThan(1e9);
            assertThat(ints).isEqualTo(ints.round(0));
        }

        @Test
        void uniformAndRandintStayInRange() {
            Tensor u = Tensor.uniform(Shape.of(10_000), -3, 2, 9);
            assertThat(u.min().item()).isGreaterThanOrEqualTo(-3);
            assertThat(u.max().item()).isLessThan(2);
            assertThat(u.mean().item()).isCloseTo(-0.5, within(0.05));
            Tensor r = Tensor.rand(Shape.of(10_000), 9);
            assertThat(r.min().item()).isGreaterThanOrEqualTo(0);
            assertThat(r.max().item()).isLessThan(1);
            Tensor ints = Tensor.randint(Shape.of(10_000), -2, 3, 9);
            assertThat(ints.min().item()).isEqualTo(-2);
            assertThat(ints.max().item()).isEqualTo(2);
            assertThat(ints).isEqualTo(ints.round(0));
        }
    }

    @Nested
    class Views {

        @Test
        void transposeSharesStorageAndWritesThrough() {
            Tensor x = matrix();
            Tensor t = x.transpose();
            assertThat(t.shape()).isEqualTo(Shape.of(3, 2));
            assertThat(t.sharesStorageWith(x)).isTrue();
            assertThat(t.isContiguous()).isFalse();
            assertThat(t.get(2, 1)).isEqualTo(6);
            t.setInPlace(-1, 0, 1);
            assertThat(x.get(1, 0)).isEqualTo(-1);
            assertThat(Tensor.of(new double[] {1, 2}).transpose().shape()).isEqualTo(Shape.of(2));
        }

        @Test
        void permuteAndTransposeOfTwoAxes() {
            Tensor x = Tensor.arange(24).reshape(2, 3, 4);
            Tensor p = x.permute(2, 0, 1);
            assertThat(p.shape()).isEqualTo(Shape.of(4, 2, 3));
            assertThat(p.get(3, 1, 2)).isEqualTo(x.get(1, 2, 3));
            assertThat(p.sharesStorageWith(x)).isTrue();
            Tensor swapped = x.transpose(0, -1);
            assertThat(swapped.shape()).isEqualTo(Shape.of(4, 3, 2));
            assertThat(swapped.get(3, 1, 0)).isEqualTo(x.get(0, 1, 3));
            assertThat(x.permute(-1, 0, 1)).isEqualTo(p);
        }

        @Test
        void reshapeIsAViewOfContiguousDataAndACopyOtherwise() {
            Tensor x = Tensor.arange(6);
            Tensor r = x.reshape(2, 3);
            assertThat(r.sharesStorageWith(x)).isTrue();
            r.setInPlace(10, 1, 1);
            assertThat(x.get(4)).isEqualTo(10);
            assertThat(x.reshape(3, -1).shape()).isEqualTo(Shape.of(3, 2));
            assertThat(x.reshape(Shape.of(1, 6)).shape()).isEqualTo(Shape.of(1, 6));

            Tensor t = matrix().transpose();
            Tensor flat = t.reshape(-1);
            assertThat(flat.sharesStorageWith(t)).isFalse();
            assertTensor(flat, Shape.of(6), 0, 1, 4, 5, 2, 3, 6);
            assertTensor(t.flatten(), Shape.of(6), 0, 1, 4, 5, 2, 3, 6);
            assertThat(Tensor.of(3).reshape(1, 1).get(0, 0)).isEqualTo(3);
            assertThat(Tensor.ones(1, 1).reshape().shape()).isEqualTo(Shape.scalar());
        }

        @Test
        void sliceWithNegativeBoundsAndSteps() {
            Tensor x = Tensor.arange(10);
            assertTensor(x.slice(0, -3, 10), Shape.of(3), 0, 7, 8, 9);
            assertTensor(x.slice(0, 1, -1, 3), Shape.of(3), 0, 1, 4, 7);
            assertTensor(x.slice(0, -100, 100, 4), Shape.of(3), 0, 0, 4, 8);
            assertTensor(x.slice(0, 2, 3), Shape.of(1), 0, 2);
            assertThat(x.slice(0, 5, 2).shape()).isEqualTo(Shape.of(0));
            assertThat(x.slice(0, 10, 20).shape()).isEqualTo(Shape.of(0));

            Tensor m = Tensor.arange(20).reshape(4, 5);
            Tensor s = m.slice(1, 1, 5, 2).slice(0, -2, 4);
            assertTensor(s, Shape.of(2, 2), 0, 11, 13, 16, 18);
            assertThat(s.sharesStorageWith(m)).isTrue();
            s.fill(-1);
            assertThat(m.get(2, 1)).isEqualTo(-1);
            assertThat(m.get(3, 3)).isEqualTo(-1);
            assertThat(m.get(2, 2)).isEqualTo(12);
            assertThat(m.sum().item()).isEqualTo(190 - (11 + 13 + 16 + 18) - 4);
        }

        @Test
        void sliceWithAHugeStepTakesOneElement() {
            // (end - start + step - 1) / step would overflow an int
            assertTensor(Tensor.arange(10).slice(0, 0, 10, Integer.MAX_VALUE), Shape.of(1), 0, 0);
            assertTensor(Tensor.arange(10).slice(0, 3, 10, Integer.MAX_VALUE - 1), Shape.of(1), 0, 3);
        }

        @Test
        void selectRemovesADimension() {
            Tensor m = Tensor.arange(12).reshape(3, 4);
            assertTensor(m.select(0, 1), Shape.of(4), 0, 4, 5, 6, 7);
            Tensor lastColumn = m.select(1, -1);
            assertTensor(lastColumn, Shape.of(3), 0, 3, 7, 11);
            lastColumn.setInPlace(0, 2);
            assertThat(m.get(2, 3)).isEqualTo(0);
            assertThat(m.select(0, 2).select(0, 1).shape()).isEqualTo(Shape.scalar());
            assertThat(m.select(0, 2).select(0, 1).item()).isEqualTo(9);
        }

        @Test
        void squeezeAndUnsqueeze() {
            Tensor x = Tensor.arange(6).reshape(1, 2, 1, 3);
            assertThat(x.squeeze().shape()).isEqualTo(Shape.of(2, 3));
            assertThat(x.squeeze(0).shape()).isEqualTo(Shape.of(2, 1, 3));
            assertThat(x.squeeze(-2).shape()).isEqualTo(Shape.of(1, 2, 3));
            assertThat(x.squeeze().sharesStorageWith(x)).isTrue();
            assertThat(x.squeeze().toDoubleArray()).isEqualTo(x.toDoubleArray());

            Tensor v = Tensor.of(new double[] {1, 2, 3});
            assertThat(v.unsqueeze(0).shape()).isEqualTo(Shape.of(1, 3));
            assertThat(v.unsqueeze(1).shape()).isEqualTo(Shape.of(3, 1));
            assertThat(v.unsqueeze(-1).shape()).isEqualTo(Shape.of(3, 1));
            assertThat(v.unsqueeze(-2).shape()).isEqualTo(Shape.of(1, 3));
            assertThat(v.unsqueeze(1).get(2, 0)).isEqualTo(3);
            assertThat(Tensor.of(4).unsqueeze(0).shape()).isEqualTo(Shape.of(1));
            // unsqueeze of a non-contiguous view reads the right elements
            Tensor column = matrix().transpose().unsqueeze(1);
            assertThat(column.shape()).isEqualTo(Shape.of(3, 1, 2));
            assertThat(column.get(2, 0, 1)).isEqualTo(6);
        }

        @Test
        void expandRepeatsWithoutCopying() {
            Tensor column = Tensor.of(new double[] {1, 2, 3}).reshape(3, 1);
            Tensor e = column.expand(3, 4);
            assertThat(e.sharesStorageWith(column)).isTrue();
            assertThat(e.to2DArray()).isEqualTo(new double[][] {{1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}});
            assertThat(column.expand(-1, 2).shape()).isEqualTo(Shape.of(3, 2));
            Tensor withBatch = column.expand(2, 3, 2);
            assertThat(withBatch.shape()).isEqualTo(Shape.of(2, 3, 2));
            assertThat(withBatch.get(1, 2, 1)).isEqualTo(3);
            assertThat(Tensor.of(5).broadcastTo(Shape.of(2, 2)).sum().item()).isEqualTo(20);
            assertThat(e.contiguous().isContiguous()).isTrue();
            assertThat(e.contiguous()).isEqualTo(e);
        }

        @Test
        void contiguousAndCopy() {
            Tensor x = matrix();
            assertThat(x.contiguous()).isSameAs(x);
            Tensor copy = x.copy();
            assertThat(copy.sharesStorageWith(x)).isFalse();
            copy.setInPlace(100, 0, 0);
            assertThat(x.get(0, 0)).isEqualTo(1);
            Tensor t = x.transpose().contiguous();
            assertThat(t.isContiguous()).isTrue();
            assertThat(t.sharesStorageWith(x)).isFalse();
            assertThat(t).isEqualTo(x.transpose());
        }

        @Test
        void emptyViewsCanBeReadCopiedAndWritten() {
            assertThat(Tensor.zeros(2, 0).isContiguous()).isTrue();
            assertThat(Tensor.zeros(2, 0).copy().isContiguous()).isTrue();
            // select(0, 2) of a (3, 0) tensor: offset 2 into a storage of length 0
            Tensor emptyRow = Tensor.zeros(3, 0).select(0, 2);
            assertThat(emptyRow.toDoubleArray()).isEmpty();
            assertThat(emptyRow.copy().shape()).isEqualTo(Shape.of(0));
            assertThat(emptyRow).isEqualTo(Tensor.zeros(0)).hasSameHashCodeAs(Tensor.zeros(0));
            assertThat(emptyRow.fill(1).size()).isZero();
            assertThat(emptyRow.copyFrom(Tensor.of(5)).size()).isZero();
            assertThat(Tensor.stack(List.of(emptyRow, emptyRow), 0).shape()).isEqualTo(Shape.of(2, 0));
            assertThat(emptyRow.add(1).shape()).isEqualTo(Shape.of(0));
            assertThat(emptyRow.sum().item()).isZero();
        }

        @Test
        void indexSelectGathersRows() {
            Tensor m = Tensor.arange(6).reshape(3, 2);
            Tensor picked = m.indexSelect(new int[] {2, 0, -1, 2});
            assertTensor(picked, Shape.of(4, 2), 0, 4, 5, 0, 1, 4, 5, 4, 5);
            assertThat(picked.sharesStorageWith(m)).isFalse();
            assertThat(m.transpose().indexSelect(new int[] {1})).isEqualTo(Tensor.of(new double[][] {{1, 3, 5}}));
            assertThat(m.indexSelect(new int[0]).shape()).isEqualTo(Shape.of(0, 2));
        }

        @Test
        void toJavaArraysOfRankOneToFour() {
            Tensor m = Tensor.arange(24).reshape(2, 3, 4);
            assertThat(Tensor.arange(3).to1DArray()).containsExactly(0, 1, 2);
            assertThat(matrix().transpose().to2DArray()).isEqualTo(new double[][] {{1, 4}, {5, 2}, {3, 6}});
            double[][][] cube = m.permute(2, 1, 0).to3DArray();
            assertThat(cube).hasDimensions(4, 3);
            assertThat(cube[3][2][1]).isEqualTo(m.get(1, 2, 3));
            double[][][][] four = m.reshape(1, 2, 3, 4).to4DArray();
            assertThat(four[0][1][2][3]).isEqualTo(23);
            assertThat(four[0][0][1]).containsExactly(4, 5, 6, 7);
        }
    }

    @Nested
    class Joining {

        @Test
        void concatAlongEachAxis() {
            Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
            Tensor b = Tensor.of(new double[][] {{5, 6}});
            assertTensor(Tensor.concat(List.of(a, b), 0), Shape.of(3, 2), 0, 1, 2, 3, 4, 5, 6);
            assertTensor(Tensor.concat(List.of(a, b.transpose().expand(2, 1), a.transpose()), 1),
                    Shape.of(2, 5), 0, 1, 2, 5, 1, 3, 3, 4, 6, 2, 4);
            assertTensor(Tensor.concat(List.of(a, a), -1), Shape.of(2, 4), 0, 1, 2, 1, 2, 3, 4, 3, 4);
            assertThat(Tensor.concat(List.of(a), 0)).isEqualTo(a);
            assertThat(Tensor.concat(List.of(a, Tensor.zeros(0, 2)), 0)).isEqualTo(a);
        }

        @Test
        void stackAddsADimension() {
            Tensor a = Tensor.of(new double[] {1, 2, 3});
            Tensor b = Tensor.of(new double[] {4, 5, 6});
            assertTensor(Tensor.stack(List.of(a, b), 0), Shape.of(2, 3), 0, 1, 2, 3, 4, 5, 6);
            assertTensor(Tensor.stack(List.of(a, b), 1), Shape.of(3, 2), 0, 1, 4, 2, 5, 3, 6);
            assertTensor(Tensor.stack(List.of(a, b), -1), Shape.of(3, 2), 0, 1, 4, 2, 5, 3, 6);
            assertTensor(Tensor.stack(List.of(Tensor.of(1), Tensor.of(2)), 0), Shape.of(2), 0, 1, 2);
        }

        @Test
        void concatAndStackTakeTheTensorsFirstAndTheAxisLastLikeTorchCat() {
            for (java.lang.reflect.Method method : Tensor.class.getMethods()) {
                if (method.getName().equals("concat") || method.getName().equals("stack")) {
                    Class<?>[] parameters = method.getParameterTypes();
                    assertThat(parameters).as("Tensor.%s takes (tensors, axis)", method.getName())
                            .containsExactly(List.class, int.class);
                }
            }
            Tensor a = Tensor.of(new double[][] {{1, 2}, {3, 4}});
            assertTensor(Tensor.concat(List.of(a, a.mul(10)), 1), Shape.of(2, 4), 0, 1, 2, 10, 20, 3, 4, 30, 40);
            assertThatThrownBy(() -> Tensor.concat(java.util.Arrays.asList(a, null), 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("concat: tensor 1 of 2 is null");
            assertThatThrownBy(() -> Tensor.stack(null, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("stack: the list of tensors is null");
        }

        @Test
        void hstackAndVstack() {
            Tensor a = Tensor.of(new double[] {1, 2});
            Tensor b = Tensor.of(new double[] {3});
            assertTensor(Tensor.hstack(a, b), Shape.of(3), 0, 1, 2, 3);
            assertTensor(Tensor.vstack(a, a.mul(2)), Shape.of(2, 2), 0, 1, 2, 2, 4);
            Tensor m = Tensor.of(new double[][] {{1}, {2}});
            assertTensor(Tensor.hstack(m, m.mul(3)), Shape.of(2, 2), 0, 1, 3, 2, 6);
            assertTensor(Tensor.vstack(m, m), Shape.of(4, 1), 0, 1, 2, 1, 2);
            assertTensor(Tensor.vstack(Tensor.of(new double[][] {{1, 2}}), a), Shape.of(2, 2), 0, 1, 2, 1, 2);
        }

        @Test
        void hstackAndVstackOfScalarsLikeNumpy() {
            // np.hstack([1, np.array([2, 3])]) = [1, 2, 3]; np.vstack([1, 2]) = [[1], [2]]
            assertTensor(Tensor.hstack(Tensor.of(1), Tensor.of(new double[] {2, 3})), Shape.of(3), 0, 1, 2, 3);
            assertTensor(Tensor.hstack(Tensor.of(1), Tensor.of(2)), Shape.of(2), 0, 1, 2);
            assertTensor(Tensor.vstack(Tensor.of(1), Tensor.of(2)), Shape.of(2, 1), 0, 1, 2);
        }
    }

    @Nested
    class Reductions {

        @Test
        void sum() {
            Tensor x = matrix();
            assertThat(x.sum().shape()).isEqualTo(Shape.scalar());
            assertThat(x.sum().item()).isEqualTo(21);
            assertTensor(x.sum(0, false), Shape.of(3), 0, 5, 7, 9);
            assertTensor(x.sum(0, true), Shape.of(1, 3), 0, 5, 7, 9);
            assertTensor(x.sum(1, false), Shape.of(2), 0, 9, 12);
            assertTensor(x.sum(-1, true), Shape.of(2, 1), 0, 9, 12);
            assertThat(Tensor.zeros(0, 3).sum().item()).isEqualTo(0);
            assertTensor(Tensor.zeros(0, 3).sum(0, false), Shape.of(3), 0, 0, 0, 0);
            assertThat(Tensor.zeros(3, 0).sum(1, true).shape()).isEqualTo(Shape.of(3, 1));
        }

        @Test
        void mean() {
            Tensor x = matrix();
            assertThat(x.mean().item()).isEqualTo(3.5);
            assertTensor(x.mean(0, false), Shape.of(3), EXACT, 2.5, 3.5, 4.5);
            assertTensor(x.mean(0, true), Shape.of(1, 3), EXACT, 2.5, 3.5, 4.5);
            assertTensor(x.mean(1, false), Shape.of(2), EXACT, 3, 4);
            assertTensor(x.mean(1, true), Shape.of(2, 1), EXACT, 3, 4);
        }

        @Test
        void axisFormsWithoutKeepDimsDropTheAxisLikeTorchSumDim() {
            Tensor x = Tensor.arange(24).reshape(2, 3, 4).permute(2, 0, 1); // a non-contiguous (4, 2, 3)
            for (int axis = -3; axis < 3; axis++) {
                Shape dropped = x.sum(axis, false).shape();
                assertThat(dropped.rank()).as("axis %d", axis).isEqualTo(2);
                assertThat(x.sum(axis)).isEqualTo(x.sum(axis, false));
                assertThat(x.mean(axis)).isEqualTo(x.mean(axis, false));
                assertThat(x.max(axis)).isEqualTo(x.max(axis, false));
                assertThat(x.min(axis)).isEqualTo(x.min(axis, false));
                assertThat(x.argmax(axis)).isEqualTo(x.argmax(axis, false));
                assertThat(x.argmin(axis)).isEqualTo(x.argmin(axis, false));
                assertThat(x.variance(axis)).isEqualTo(x.variance(axis, false));
                assertThat(x.std(axis)).isEqualTo(x.std(axis, false));
                assertThat(x.logSumExp(axis)).isEqualTo(x.logSumExp(axis, false));
            }
            Tensor m = matrix();
            assertTensor(m.sum(1), Shape.of(2), 0, 9, 12);
            assertTensor(m.mean(0), Shape.of(3), EXACT, 2.5, 3.5, 4.5);
            assertTensor(m.sum(-1), Shape.of(2), 0, 9, 12);
            assertThatThrownBy(() -> m.sum(2)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("sum").hasMessageContaining("axis 2").hasMessageContaining("(2, 3)");
        }

        @Test
        void maxAndMin() {
            Tensor x = matrix();
            assertThat(x.max().item()).isEqualTo(6);
            assertThat(x.min().item()).isEqualTo(1);
            assertTensor(x.max(0, false), Shape.of(3), 0, 4, 5, 6);
            assertTensor(x.max(1, true), Shape.of(2, 1), 0, 5, 6);
            assertTensor(x.min(0, true), Shape.of(1, 3), 0, 1, 2, 3);
            assertTensor(x.min(1, false), Shape.of(2), 0, 1, 2);
            Tensor negatives = Tensor.of(new double[] {-3, -1, -2});
            assertThat(negatives.max().item()).isEqualTo(-1);
            assertThat(Tensor.of(new double[] {1, Double.NaN, 3}).max().item()).isNaN();
            assertThat(Tensor.of(new double[] {1, Double.NaN, 3}).min().item()).isNaN();
        }

        @Test
        void argmaxAndArgmin() {
            Tensor x = matrix();
            assertThat(x.argmax().item()).isEqualTo(5);
            assertThat(x.argmin().item()).isEqualTo(0);
            assertTensor(x.argmax(0, false), Shape.of(3), 0, 1, 0, 1);
            assertTensor(x.argmax(1, true), Shape.of(2, 1), 0, 1, 2);
            assertTensor(x.argmin(0, false), Shape.of(3), 0, 0, 1, 0);
            assertTensor(x.argmin(1, true), Shape.of(2, 1), 0, 0, 1);
            // the flat index is row-major even for a transposed view
            assertThat(x.transpose().argmax().item()).isEqualTo(5);
            assertThat(x.transpose().argmin().item()).isEqualTo(0);
            assertThat(x.transpose().argmax(0, false).to1DArray()).containsExactly(1, 2);
        }

        @Test
        void argmaxTiesPickTheFirst() {
            assertThat(Tensor.of(new double[] {3, 7, 7, 1}).argmax().item()).isEqualTo(1);
            assertThat(Tensor.of(new double[] {2, 0, 0}).argmin().item()).isEqualTo(1);
            assertThat(Tensor.of(new double[] {5, 5, 5}).argmax().item()).isEqualTo(0);
            Tensor ties = Tensor.of(new double[][] {{1, 9, 9}, {4, 4, 0}});
            assertThat(ties.argmax(1, false).to1DArray()).containsExactly(1, 0);
            assertThat(ties.argmax(0, false).to1DArray()).containsExactly(1, 0, 0);
            // like numpy, the first NaN wins
            assertThat(Tensor.of(new double[] {1, Double.NaN, 5, Double.NaN}).argmax().item()).isEqualTo(1);
            assertThat(Tensor.of(new double[] {1, Double.NaN, -5}).argmin().item()).isEqualTo(1);
        }

        @Test
        void varianceAndStd() {
            Tensor x = matrix();
            assertThat(x.variance().item()).isCloseTo(17.5 / 6, within(EXACT));
            assertThat(x.std().item()).isCloseTo(Math.sqrt(17.5 / 6), within(EXACT));
            assertTensor(x.variance(0, false), Shape.of(3), EXACT, 2.25, 2.25, 2.25);
            assertTensor(x.variance(1, true), Shape.of(2, 1), EXACT, 8.0 / 3, 8.0 / 3);
            assertTensor(x.std(1, false), Shape.of(2), EXACT, Math.sqrt(8.0 / 3), Math.sqrt(8.0 / 3));
            assertTensor(x.std(0, true), Shape.of(1, 3), EXACT, 1.5, 1.5, 1.5);
            // two passes keep a large offset from ruining the variance
            assertThat(Tensor.of(new double[] {1e9 + 1, 1e9 + 2, 1e9 + 3}).variance().item())
                    .isCloseTo(2.0 / 3, within(1e-6));
        }

        @Test
        void logSumExp() {
            Tensor x = matrix();
            double row0 = Math.log(Math.exp(1) + Math.exp(5) + Math.exp(3));
            double row1 = Math.log(Math.exp(4) + Math.exp(2) + Math.exp(6));
            assertTensor(x.logSumExp(1, false), Shape.of(2), EXACT, row0, row1);
            assertTensor(x.logSumExp(1, true), Shape.of(2, 1), EXACT, row0, row1);
            assertTensor(x.logSumExp(0, true), Shape.of(1, 3), EXACT,
                    Math.log(Math.exp(1) + Math.exp(4)), Math.log(Math.exp(5) + Math.exp(2)),
                    Math.log(Math.exp(3) + Math.exp(6)));
            double all = Math.log(Math.exp(1) + Math.exp(5) + Math.exp(3) + Math.exp(4) + Math.exp(2) + Math.exp(6));
            assertThat(x.logSumExp().item()).isCloseTo(all, within(EXACT));
            // stable: e^1000 overflows, the answer does not
            assertThat(Tensor.of(new double[] {1000, 1000}).logSumExp().item())
                    .isCloseTo(1000 + Math.log(2), within(1e-9));
            assertThat(Tensor.of(new double[] {-1000, -1000}).logSumExp().item())
                    .isCloseTo(-1000 + Math.log(2), within(1e-9));
            double negInf = Double.NEGATIVE_INFINITY;
            assertThat(Tensor.of(new double[] {negInf, negInf}).logSumExp().item()).isEqualTo(negInf);
            assertThat(Tensor.of(new double[] {negInf, 0}).logSumExp().item()).isEqualTo(0.0);
            assertThat(Tensor.zeros(0).logSumExp().item()).isEqualTo(negInf);
        }

        @Test
        void softmaxAndLogSoftmaxAreStable() {
            Tensor big = Tensor.of(new double[] {1000, 1001, 1002});
            Tensor logSoftmax = big.logSoftmax(0);
            assertTensor(logSoftmax, Shape.of(3), 1e-8, -2.40760596, -1.40760596, -0.40760596);
            assertTensor(big.softmax(0), Shape.of(3), 1e-8, 0.09003057, 0.24472847, 0.66524096);
            assertTensor(big.neg().softmax(-1), Shape.of(3), 1e-8, 0.66524096, 0.24472847, 0.09003057);

            Tensor rows = Tensor.of(new double[][] {{1, 2, 3}, {-5, 0, 800}});
            Tensor softmax = rows.softmax(1);
            assertTensor(softmax.sum(1, false), Shape.of(2), EXACT, 1, 1);
            assertThat(softmax.get(1, 2)).isEqualTo(1.0);
            assertThat(softmax.get(1, 0)).isEqualTo(0.0);
            assertThat(rows.softmax(0).sum(0, false).to1DArray())
                    .containsExactly(new double[] {1, 1, 1}, within(EXACT));
        }

        @Test
        void reductionsOfANonContiguousView() {
            Tensor t = matrix().transpose(); // [[1, 4], [5, 2], [3, 6]]
            assertTensor(t.sum(0, false), Shape.of(2), 0, 9, 12);
            assertTensor(t.sum(1, false), Shape.of(3), 0, 5, 7, 9);
            assertTensor(t.max(1, true), Shape.of(3, 1), 0, 4, 5, 6);
            Tensor stepped = Tensor.arange(10).slice(0, 1, 10, 3); // [1, 4, 7]
            assertThat(stepped.sum().item()).isEqualTo(12);
            assertThat(stepped.mean().item()).isEqualTo(4);
            assertThat(stepped.argmax().item()).isEqualTo(2);
            Tensor expanded = Tensor.of(new double[] {1, 2}).expand(3, 2);
            assertTensor(expanded.sum(0, false), Shape.of(2), 0, 3, 6);
            assertThat(expanded.sum().item()).isEqualTo(9);
        }

        @Test
        void sumToShapeUndoesBroadcasting() {
            Tensor grad = Tensor.arange(6).reshape(2, 3);
            assertTensor(grad.sumToShape(Shape.of(3)), Shape.of(3), 0, 3, 5, 7);
            assertTensor(grad.sumToShape(Shape.of(2, 1)), Shape.of(2, 1), 0, 3, 12);
            assertTensor(grad.sumToShape(Shape.of(1, 1)), Shape.of(1, 1), 0, 15);
            assertTensor(grad.sumToShape(Shape.scalar()), Shape.scalar(), 0, 15);
            assertThat(grad.sumToShape(Shape.of(2, 3))).isSameAs(grad);
        }
    }

    @Nested
    class ElementWise {

        @Test
        void arithmeticWithBroadcasting() {
            Tensor x = matrix();
            Tensor row = Tensor.of(new double[] {10, 20, 30});
            Tensor column = Tensor.of(new double[][] {{1}, {2}});
            assertTensor(x.add(row), Shape.of(2, 3), 0, 11, 25, 33, 14, 22, 36);
            assertTensor(x.sub(column), Shape.of(2, 3), 0, 0, 4, 2, 2, 0, 4);
            assertTensor(x.mul(column), Shape.of(2, 3), 0, 1, 5, 3, 8, 4, 12);
            assertTensor(row.div(x), Shape.of(2, 3), EXACT, 10, 4, 10, 2.5, 10, 5);
            assertTensor(column.add(row), Shape.of(2, 3), 0, 11, 21, 31, 12, 22, 32);
            assertTensor(x.pow(Tensor.of(new double[] {2, 0, 0.5})), Shape.of(2, 3), EXACT,
                    1, 1, Math.sqrt(3), 16, 1, Math.sqrt(6));
            assertTensor(x.add(Tensor.of(1)), Shape.of(2, 3), 0, 2, 6, 4, 5, 3, 7);
        }

        @Test
        void sinAndCosInRadians() {
            Tensor x = Tensor.of(new double[] {0, Math.PI / 6, Math.PI / 2, Math.PI}).reshape(2, 2).transpose();
            assertTensor(x.sin(), Shape.of(2, 2), 1e-15, 0, 1, 0.5, 0);
            assertTensor(x.cos(), Shape.of(2, 2), 1e-15, 1, 0, Math.sqrt(3) / 2, -1);
        }

        @Test
        void scalarArithmetic() {
            Tensor v = Tensor.of(new double[] {-2, 0, 3});
            assertTensor(v.add(1), Shape.of(3), 0, -1, 1, 4);
            assertTensor(v.sub(1), Shape.of(3), 0, -3, -1, 2);
            assertTensor(v.mul(-2), Shape.of(3), 0, 4, 0, -6);
            assertTensor(v.div(2), Shape.of(3), 0, -1, 0, 1.5);
            assertTensor(v.pow(2), Shape.of(3), 0, 4, 0, 9);
            assertTensor(v.pow(3), Shape.of(3), 0, -8, 0, 27);
            assertThat(v.div(0).to1DArray())
                    .containsExactly(Double.NEGATIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY);
        }

        @Test
        void unaryFunctions() {
            Tensor v = Tensor.of(new double[] {-2, 0, 3});
            assertTensor(v.neg(), Shape.of(3), 0, 2, -0.0, -3);
            assertTensor(v.abs(), Shape.of(3), 0, 2, 0, 3);
            assertTensor(v.exp(), Shape.of(3), EXACT, Math.exp(-2), 1, Math.exp(3));
            assertTensor(Tensor.of(new double[] {1, Math.E}).log(), Shape.of(2), EXACT, 0, 1);
            assertTensor(Tensor.of(new double[] {4, 2}).sqrt(), Shape.of(2), EXACT, 2, Math.sqrt(2));
            assertTensor(v.tanh(), Shape.of(3), EXACT, Math.tanh(-2), 0, Math.tanh(3));
            assertTensor(v.relu(), Shape.of(3), 0, 0, 0, 3);
            assertTensor(v.sign(), Shape.of(3), 0, -1, 0, 1);
            assertTensor(v.maximum(1), Shape.of(3), 0, 1, 1, 3);
            assertTensor(v.minimum(1), Shape.of(3), 0, -2, 0, 1);
            assertTensor(v.map(x -> x * x + 1), Shape.of(3), 0, 5, 1, 10);
            assertTensor(v.maximum(Tensor.of(new double[] {-3, 1, 2})), Shape.of(3), 0, -2, 1, 3);
            assertTensor(v.minimum(Tensor.of(new double[] {-3, 1, 2})), Shape.of(3), 0, -3, 0, 2);
            assertThat(Tensor.of(-1).log().item()).isNaN();
            assertThat(Tensor.of(0).log().item()).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void sigmoidSaturatesWithoutNaN() {
            Tensor s = Tensor.of(new double[] {-800, -40, 0, 40, 800}).sigmoid();
            assertThat(s.get(0)).isEqualTo(0.0);
            assertThat(s.get(2)).isEqualTo(0.5);
            assertThat(s.get(4)).isEqualTo(1.0);
            assertThat(s.get(1)).isCloseTo(Math.exp(-40), within(1e-30)).isPositive();
            assertThat(s.get(3)).isCloseTo(1.0, within(1e-15));
            assertThat(s.toDoubleArray()).doesNotContain(Double.NaN);
            assertThat(Tensor.sigmoid(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
            assertThat(Tensor.sigmoid(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
            assertThat(Tensor.sigmoid(1)).isCloseTo(1 / (1 + Math.exp(-1)), within(EXACT));
            assertThat(Tensor.sigmoid(-1)).isCloseTo(1 / (1 + Math.exp(1)), within(EXACT));
        }

        @Test
        void whereChoosesWithBroadcasting() {
            Tensor condition = Tensor.of(new double[][] {{1, 0, 0}, {0, 2, -1}});
            Tensor ifTrue = matrix();
            Tensor ifFalse = Tensor.of(new double[] {-1, -2, -3});
            assertTensor(Tensor.where(condition, ifTrue, ifFalse), Shape.of(2, 3), 0, 1, -2, -3, -1, 2, 6);
            Tensor mask = Tensor.of(new double[][] {{1}, {0}});
            assertTensor(Tensor.where(mask, Tensor.of(7), ifFalse), Shape.of(2, 3), 0, 7, 7, 7, -1, -2, -3);
            // a transposed condition is read through its strides
            Tensor tc = Tensor.of(new double[][] {{1, 0}, {0, 1}, {1, 1}}).transpose();
            assertTensor(Tensor.where(tc, ifTrue, Tensor.zeros(2, 3)), Shape.of(2, 3), 0, 1, 0, 3, 0, 2, 6);
        }

        @Test
        void clip() {
            assertTensor(Tensor.of(new double[] {-2, 0.5, 3}).clip(-1, 1), Shape.of(3), 0, -1, 0.5, 1);
            assertTensor(Tensor.of(new double[] {-2, 3}).clip(0, 0), Shape.of(2), 0, 0, 0);
        }

        @Test
        void comparisons() {
            Tensor a = Tensor.of(new double[] {1, 2, 3, Double.NaN});
            Tensor b = Tensor.of(new double[] {2, 2, 2, Double.NaN});
            assertTensor(a.eq(b), Shape.of(4), 0, 0, 1, 0, 0);
            assertTensor(a.ne(b), Shape.of(4), 0, 1, 0, 1, 1);
            assertTensor(a.lt(b), Shape.of(4), 0, 1, 0, 0, 0);
            assertTensor(a.le(b), Shape.of(4), 0, 1, 1, 0, 0);
            assertTensor(a.gt(b), Shape.of(4), 0, 0, 0, 1, 0);
            assertTensor(a.ge(b), Shape.of(4), 0, 0, 1, 1, 0);
            assertTensor(a.gt(2), Shape.of(4), 0, 0, 0, 1, 0);
            assertTensor(a.lt(2), Shape.of(4), 0, 1, 0, 0, 0);
            assertTensor(a.eq(2), Shape.of(4), 0, 0, 1, 0, 0);
            Tensor column = Tensor.of(new double[][] {{1}, {3}});
            assertTensor(column.lt(Tensor.of(new double[] {0, 2, 4})), Shape.of(2, 3), 0, 0, 1, 1, 0, 0, 1);
        }

        @Test
        void roundIsHalfToEvenLikeNumpy() {
            // np.round([0.5, 1.5, 2.5, -0.5, -1.5, 3.7]) = [0., 2., 2., -0., -2., 4.]
            Tensor halves = Tensor.of(new double[] {0.5, 1.5, 2.5, -0.5, -1.5, 3.7}).round(0);
            assertThat(halves.to1DArray()).containsExactly(0.0, 2.0, 2.0, -0.0, -2.0, 4.0);
            // np.round([0.125, 0.375, 2.675, 1.005], 2) = [0.12, 0.38, 2.68, 1.]
            assertThat(Tensor.of(new double[] {0.125, 0.375, 2.675, 1.005}).round(2).to1DArray())
                    .containsExactly(0.12, 0.38, 2.68, 1.0);
            // np.round([25, 35, 1234.5678, -25], -1) = [20., 40., 1230., -20.]
            assertThat(Tensor.of(new double[] {25, 35, 1234.5678, -25}).round(-1).to1DArray())
                    .containsExactly(20.0, 40.0, 1230.0, -20.0);
            assertThat(Tensor.of(new double[] {150, 250}).round(-2).to1DArray()).containsExactly(200.0, 200.0);
        }

        @Test
        void operationsOnViewsReadThroughStrides() {
            Tensor t = matrix().transpose();
            assertTensor(t.add(1), Shape.of(3, 2), 0, 2, 5, 6, 3, 4, 7);
            assertTensor(t.mul(t), Shape.of(3, 2), 0, 1, 16, 25, 4, 9, 36);
            assertTensor(t.add(Tensor.of(new double[] {10, 20})), Shape.of(3, 2), 0, 11, 24, 15, 22, 13, 26);
            Tensor stepped = Tensor.arange(10).slice(0, 1, 10, 4); // [1, 5, 9]
            assertTensor(stepped.sub(Tensor.of(new double[] {1, 1, 1})), Shape.of(3), 0, 0, 4, 8);
            Tensor sliced = Tensor.arange(10).slice(0, 7, 10); // offset 7, contiguous
            assertTensor(sliced.mul(Tensor.of(new double[] {1, 2, 3})), Shape.of(3), 0, 7, 16, 27);
            assertTensor(sliced.neg(), Shape.of(3), 0, -7, -8, -9);
        }

        @Test
        void zipWithAppliesAnyFunction() {
            Tensor a = Tensor.of(new double[] {3, 4});
            Tensor hypot = a.zipWith(Tensor.of(new double[][] {{4}, {0}}), Math::hypot);
            assertTensor(hypot, Shape.of(2, 2), EXACT, 5, Math.sqrt(32), 3, 4);
        }

        @Test
        void dotAndOuter() {
            Tensor a = Tensor.of(new double[] {1, 2, 3});
            Tensor b = Tensor.of(new double[] {4, 5, 6});
            assertThat(a.dot(b).item()).isEqualTo(32);
            assertThat(a.outer(Tensor.of(new double[] {1, -1})).to2DArray())
                    .isEqualTo(new double[][] {{1, -1}, {2, -2}, {3, -3}});
        }
    }

    @Nested
    class MatrixProducts {

        @Test
        void vectorTimesVectorIsAScalar() {
            Tensor product = Tensor.of(new double[] {1, 2, 3}).matmul(Tensor.of(new double[] {4, 5, 6}));
            assertThat(product.shape()).isEqualTo(Shape.scalar());
            assertThat(product.item()).isEqualTo(32);
        }

        @Test
        void matrixTimesVectorAndVectorTimesMatrix() {
            Tensor m = matrix(); // (2, 3)
            Tensor mv = m.matmul(Tensor.of(new double[] {1, 0, -1}));
            assertTensor(mv, Shape.of(2), 0, -2, -2);
            Tensor vm = Tensor.of(new double[] {1, -1}).matmul(m);
            assertTensor(vm, Shape.of(3), 0, -3, 3, -3);
        }

        @Test
        void matrixTimesMatrixOnViews() {
            Tensor a = matrix();
            // A · Aᵀ with Aᵀ a non-contiguous view
            assertTensor(a.matmul(a.transpose()), Shape.of(2, 2), 0, 35, 32, 32, 56);
            // Aᵀ · A
            assertTensor(a.transpose().matmul(a), Shape.of(3, 3), 0, 17, 13, 27, 13, 29, 27, 27, 27, 45);
            Tensor identity = Tensor.eye(3);
            assertThat(a.matmul(identity)).isEqualTo(a);
            assertThat(Tensor.zeros(2, 0).matmul(Tensor.zeros(0, 3))).isEqualTo(Tensor.zeros(2, 3));
        }

        @Test
        void batchedMatmulBroadcastsBatchDimensions() {
            Tensor a = Tensor.randn(Shape.of(2, 1, 3, 4), 11);
            Tensor b = Tensor.randn(Shape.of(5, 4, 2), 12).permute(0, 1, 2); // (5, 4, 2)
            Tensor product = a.matmul(b);
            assertThat(product.shape()).isEqualTo(Shape.of(2, 5, 3, 2));
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 5; j++) {
                    Tensor expected = naiveMatmul(a.select(0, i).select(0, 0), b.select(0, j));
                    assertThat(product.select(0, i).select(0, j).allClose(expected, 0, 1e-12))
                            .as("batch (%d, %d)", i, j).isTrue();
                }
            }
        }

        @Test
        void batchedMatmulWithVectorsAndTransposedBatches() {
            Tensor batch = Tensor.randn(Shape.of(4, 2, 3), 13).transpose(1, 2); // (4, 3, 2), non-contiguous
            Tensor v = Tensor.of(new double[] {1, -2});
            Tensor mv = batch.matmul(v);
            assertThat(mv.shape()).isEqualTo(Shape.of(4, 3));
            Tensor u = Tensor.of(new double[] {0.5, 1, -1});
            Tensor um = u.matmul(batch);
            assertThat(um.shape()).isEqualTo(Shape.of(4, 2));
            Tensor matrix = Tensor.randn(Shape.of(2, 5), 14);
            Tensor bm = batch.matmul(matrix);
            assertThat(bm.shape()).isEqualTo(Shape.of(4, 3, 5));
            for (int i = 0; i < 4; i++) {
                Tensor slice = batch.select(0, i);
                assertThat(mv.select(0, i).allClose(naiveMatmul(slice, v.reshape(2, 1)).reshape(3), 0, 1e-12)).isTrue();
                assertThat(um.select(0, i).allClose(naiveMatmul(u.reshape(1, 3), slice).reshape(2), 0, 1e-12)).isTrue();
                assertThat(bm.select(0, i).allClose(naiveMatmul(slice, matrix), 0, 1e-12)).isTrue();
            }
        }

        /** The textbook triple loop through {@code get}, independent of the library's kernels. */
        private Tensor naiveMatmul(Tensor a, Tensor b) {
            Tensor c = Tensor.zeros(a.dim(0), b.dim(1));
            for (int i = 0; i < a.dim(0); i++) {
                for (int j = 0; j < b.dim(1); j++) {
                    double sum = 0;
                    for (int k = 0; k < a.dim(1); k++) {
                        sum += a.get(i, k) * b.get(k, j);
                    }
                    c.setInPlace(sum, i, j);
                }
            }
            return c;
        }
    }

    @Nested
    class InPlace {

        @Test
        void fillOnAViewWritesOnlyTheView() {
            Tensor m = Tensor.zeros(3, 3);
            m.select(1, 1).fill(5);
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{0, 5, 0}, {0, 5, 0}, {0, 5, 0}});
            m.slice(0, 2, 3).fill(1);
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{0, 5, 0}, {0, 5, 0}, {1, 1, 1}});
            assertThat(m.fill(2)).isSameAs(m);
            assertThat(m.toDoubleArray()).containsOnly(2.0);
        }

        @Test
        void copyFromBroadcastsIntoAView() {
            Tensor m = Tensor.zeros(2, 3);
            m.transpose().copyFrom(Tensor.of(new double[] {7, 8}));
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{7, 7, 7}, {8, 8, 8}});
            m.copyFrom(Tensor.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}).transpose());
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{1, 3, 5}, {2, 4, 6}});
            m.slice(1, 1, 3).copyFrom(Tensor.of(0));
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{1, 0, 0}, {2, 0, 0}});
        }

        @Test
        void copyFromAnOverlappingViewOfItself() {
            Tensor x = Tensor.arange(5);
            x.slice(0, 1, 5).copyFrom(x.slice(0, 0, 4));
            assertThat(x.to1DArray()).containsExactly(0, 0, 1, 2, 3);
        }

        @Test
        void addInPlaceAndAddScaledInPlace() {
            Tensor x = matrix();
            Tensor result = x.addInPlace(Tensor.ones(2, 3));
            assertThat(result).isSameAs(x);
            assertThat(x.to2DArray()).isEqualTo(new double[][] {{2, 6, 4}, {5, 3, 7}});
            x.addInPlace(Tensor.of(new double[] {1, 0, -1}));
            assertThat(x.to2DArray()).isEqualTo(new double[][] {{3, 6, 3}, {6, 3, 6}});
            x.addScaledInPlace(-0.5, Tensor.of(new double[][] {{2}, {4}}));
            assertThat(x.to2DArray()).isEqualTo(new double[][] {{2, 5, 2}, {4, 1, 4}});
            x.addScaledInPlace(2, x.copy());
            assertThat(x.to2DArray()).isEqualTo(new double[][] {{6, 15, 6}, {12, 3, 12}});
        }

        @Test
        void inPlaceOpsOnViewsWriteThrough() {
            Tensor m = Tensor.arange(6).reshape(2, 3);
            m.transpose().addInPlace(Tensor.of(new double[] {10, 20}));
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{10, 11, 12}, {23, 24, 25}});
            m.select(1, 0).addScaledInPlace(2, Tensor.of(new double[] {1, 1}));
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{12, 11, 12}, {25, 24, 25}});
            m.slice(1, 0, 3, 2).mulInPlace(0);
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{0, 11, 0}, {0, 24, 0}});
            m.select(0, 1).mulInPlace(-1);
            assertThat(m.to2DArray()).isEqualTo(new double[][] {{0, 11, 0}, {-0.0, -24, -0.0}});
            m.transpose().setInPlace(9, -1, -1);
            assertThat(m.get(1, 2)).isEqualTo(9);
            // a view that is contiguous but starts at an offset
            Tensor tail = Tensor.arange(6).slice(0, 3, 6);
            tail.mulInPlace(2).addInPlace(Tensor.ones(3));
            assertThat(tail.to1DArray()).containsExactly(7, 9, 11);
        }
    }

    @Nested
    class Comparing {

        @Test
        void allCloseUsesNumpysRule() {
            Tensor a = Tensor.of(new double[] {1, 100});
            assertThat(a.allClose(Tensor.of(new double[] {1 + 1e-9, 100 + 1e-4}))).isTrue();
            assertThat(a.allClose(Tensor.of(new double[] {1, 100.01}))).isFalse();
            assertThat(a.allClose(Tensor.of(new double[] {1.1, 100}), 0, 0.11)).isTrue();
            assertThat(a.allClose(Tensor.of(new double[] {1.1, 100}), 0.1, 0)).isTrue();
            assertThat(a.allClose(Tensor.of(new double[] {1.1, 100}), 0.01, 0.01)).isFalse();
            // broadcasting
            assertThat(Tensor.ones(2, 3).allClose(Tensor.of(1))).isTrue();
            // NaN is never close; equal infinities are
            assertThat(Tensor.of(Double.NaN).allClose(Tensor.of(Double.NaN))).isFalse();
            assertThat(Tensor.of(Double.POSITIVE_INFINITY).allClose(Tensor.of(Double.POSITIVE_INFINITY))).isTrue();
            assertThat(Tensor.of(Double.POSITIVE_INFINITY).allClose(Tensor.of(Double.NEGATIVE_INFINITY))).isFalse();
            assertThat(Tensor.of(Double.POSITIVE_INFINITY).allClose(Tensor.of(1e308))).isFalse();
        }

        @Test
        void equalsAndHashCodeIgnoreLayout() {
            Tensor t = matrix().transpose();
            Tensor copy = Tensor.of(new double[][] {{1, 4}, {5, 2}, {3, 6}});
            assertThat(t).isEqualTo(copy).hasSameHashCodeAs(copy);
            assertThat(copy).isEqualTo(t);
            Tensor offsetView = Tensor.arange(8).slice(0, 2, 8, 2);
            Tensor evens = Tensor.of(new double[] {2, 4, 6});
            assertThat(offsetView).isEqualTo(evens).hasSameHashCodeAs(evens);
            assertThat(Tensor.of(new double[] {1, 2, 3, 4}))
                    .isNotEqualTo(Tensor.of(new double[][] {{1, 2}, {3, 4}}));
            assertThat(Tensor.of(new double[] {1, 2})).isNotEqualTo(Tensor.of(new double[] {1, 3}));
            assertThat(Tensor.of(Double.NaN)).isEqualTo(Tensor.of(Double.NaN));
            assertThat(Tensor.of(0.0)).isNotEqualTo(Tensor.of(-0.0));
            assertThat(Tensor.of(1)).isNotEqualTo(1.0);
        }
    }
}
