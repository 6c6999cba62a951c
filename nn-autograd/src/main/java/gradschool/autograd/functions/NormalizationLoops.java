package gradschool.autograd.functions;

/**
 * The loops behind the {@link LayerNorm} and {@link BatchNorm} ops, on plain row-major arrays.
 *
 * <p>Both see their input as a contiguous array of shape {@code (outer, groups, inner)} and normalize
 * each group {@code c} over its {@code m = outer·inner} values: a {@code LayerNorm} row is a group with
 * {@code outer = 1} and {@code inner = n}; a {@code BatchNorm} channel is a group of an
 * {@code (N, C, L)} input with {@code outer = N}, {@code inner = L}. Each pass walks the array once in
 * storage order, keeping one running sum per group.
 *
 * <pre>
 * μ_c = (1/m) Σ x          σ²_c = (1/m) Σ (x − μ_c)²          rstd_c = 1/√(σ²_c + ε)
 * x̂ = (x − μ_c)·rstd_c
 * dL/dx = rstd_c·(ĝ − mean_c(ĝ) − x̂·mean_c(ĝ·x̂))        with ĝ = g·γ (γ of that element)
 * </pre>
 * The backward formula is the derivative of {@code x̂} through μ and σ² as well: PyTorch's native
 * kernels use the same one.
 */
final class NormalizationLoops {

    private NormalizationLoops() {
    }

    /** What the forward pass keeps for the backward pass: x̂ (row-major), and μ, σ², rstd per group. */
    static final class Normalized {
        final double[] xHat;
        final double[] mean;
        final double[] variance;
        final double[] rstd;

        private Normalized(double[] xHat, double[] mean, double[] variance, double[] rstd) {
            this.xHat = xHat;
            this.mean = mean;
            this.variance = variance;
            this.rstd = rstd;
        }
    }

    /**
     * Normalizes each group: μ and the biased σ² in two passes (the second over {@code x − μ}, which
     * keeps σ² accurate when μ is large), then {@code x̂ = (x − μ)·rstd}.
     */
    static Normalized normalize(double[] x, int outer, int groups, int inner, double eps) {
        if (inner == 1) {
            return normalizeChannelsLast(x, outer, groups, eps);
        }
        double m = (double) outer * inner;
        double[] mean = new double[groups];
        for (int o = 0, k = 0; o < outer; o++) {
            for (int c = 0; c < groups; c++) {
                double sum = 0;
                for (int i = 0; i < inner; i++, k++) {
                    sum += x[k];
                }
                mean[c] += sum;
            }
        }
        for (int c = 0; c < groups; c++) {
            mean[c] /= m;
        }
        double[] variance = new double[groups];
        for (int o = 0, k = 0; o < outer; o++) {
            for (int c = 0; c < groups; c++) {
                double mu = mean[c];
                double sum = 0;
                for (int i = 0; i < inner; i++, k++) {
                    double d = x[k] - mu;
                    sum += d * d;
                }
                variance[c] += sum;
            }
        }
        double[] rstd = new double[groups];
        for (int c = 0; c < groups; c++) {
            variance[c] /= m;
            rstd[c] = 1 / Math.sqrt(variance[c] + eps);
        }
        double[] xHat = new double[x.length];
        for (int o = 0, k = 0; o < outer; o++) {
            for (int c = 0; c < groups; c++) {
                double mu = mean[c];
                double r = rstd[c];
                for (int i = 0; i < inner; i++, k++) {
                    xHat[k] = (x[k] - mu) * r;
                }
            }
        }
        return new Normalized(xHat, mean, variance, rstd);
    }

    /**
     * {@link #normalize} when each group's values are one per row ({@code inner = 1}: BatchNorm of
     * (N, C), or channels-last (N, L, C)): the loops run along a row, over the groups, so the JIT can
     * use vector instructions; each group's sums add the same terms in the same order, so the results
     * are the same, bit for bit.
     */
    private static Normalized normalizeChannelsLast(double[] x, int rows, int groups, double eps) {
        double m = rows;
        double[] mean = new double[groups];
        for (int r = 0, k = 0; r < rows; r++, k += groups) {
            for (int c = 0; c < groups; c++) {
                mean[c] += x[k + c];
            }
        }
        for (int c = 0; c < groups; c++) {
            mean[c] /= m;
        }
        double[] variance = new double[groups];
        for (int r = 0, k = 0; r < rows; r++, k += groups) {
            for (int c = 0; c < groups; c++) {
                double d = x[k + c] - mean[c];
                variance[c] += d * d;
            }
        }
        double[] rstd = new double[groups];
        for (int c = 0; c < groups; c++) {
            variance[c] /= m;
            rstd[c] = 1 / Math.sqrt(variance[c] + eps);
        }
        double[] xHat = new double[x.length];
        for (int r = 0, k = 0; r < rows; r++, k += groups) {
            for (int c = 0; c < groups; c++) {
                xHat[k + c] = (x[k + c] - mean[c]) * rstd[c];
            }
        }
        return new Normalized(xHat, mean, variance, rstd);
    }

    /** {@code y = x̂·γ_i + β_i}, γ and β indexed by the position {@code i} inside a group (LayerNorm). */
    static double[] scaleShiftPerPosition(double[] xHat, int inner, double[] weight, double[] bias) {
        double[] y = new double[xHat.length];
        for (int k = 0; k < xHat.length; k += inner) {
            for (int i = 0; i < inner; i++) {
                y[k + i] = xHat[k + i] * weight[i] + bias[i];
            }
        }
        return y;
    }

    /** {@code y = x̂·γ_c + β_c}, γ and β indexed by the group {@code c} (BatchNorm's channel). */
    static double[] scaleShiftPerGroup(double[] xHat, int outer, int groups, int inner, double[] weight, double[] bias) {
        if (inner == 1) {
            return scaleShiftPerPosition(xHat, groups, weight, bias);   // the same loop along a row
        }
        double[] y = new double[xHat.length];
        for (int o = 0, k = 0; o < outer; o++) {
            for (int c = 0; c < groups; c++) {
                double w = weight[c];
                double b = bias[c];
                for (int i = 0; i < inner; i++, k++) {
                    y[k] = xHat[k] * w + b;
                }
            }
        }
        return y;
    }

    /**
     * LayerNorm's backward (groups are rows, {@code outer = 1}): fills {@code gradInput} with
     * {@code rstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂))}, {@code ĝ = g·γ_i}, and adds {@code Σ_rows g·x̂} to
     * {@code gradWeight} and {@code Σ_rows g} to {@code gradBias}; a null array is skipped.
     */
    static void backwardPerPosition(double[] g, Normalized saved, int inner, double[] weight,
                                    double[] gradInput, double[] gradWeight, double[] gradBias) {
        int rows = saved.rstd.length;
        double[] xHat = saved.xHat;
        for (int r = 0, k = 0; r < rows; r++, k += inner) {
            if (gradWeight != null) {
                for (int i = 0; i < inner; i++) {
                    gradWeight[i] += g[k + i] * xHat[k + i];
                }
            }
            if (gradBias != null) {
                for (int i = 0; i < inner; i++) {
                    gradBias[i] += g[k + i];
                }
            }
            if (gradInput == null) {
                continue;
            }
            double sum = 0;
            double sumTimesXHat = 0;
            for (int i = 0; i < inner; i++) {
                double gHat = g[k + i] * weight[i];
                sum += gHat;
                sumTimesXHat += gHat * xHat[k + i];
            }
            double meanGHat = sum / inner;
            double meanGHatXHat = sumTimesXHat / inner;
            double r0 = saved.rstd[r];
            for (int i = 0; i < inner; i++) {
                gradInput[k + i] = r0 * (g[k + i] * weight[i] - meanGHat - xHat[k + i] * meanGHatXHat);
            }
        }
    }

    /**
     * BatchNorm's backward: per channel {@code c} the sums {@code Σg} and {@code Σ g·x̂} over its
     * {@code m} values, then {@code dL/dx = (γ_c·rstd_c/m)·(m·g − Σg − x̂·Σ g·x̂)}; writes those sums
     * into {@code gradBias} and {@code gradWeight} when they are not null.
     */
    static void backwardPerGroup(double[] g, Normalized saved, int outer, int groups, int inner, double[] weight,
                                 double[] gradInput, double[] gradWeight, double[] gradBias) {
        if (inner == 1) {
            backwardChannelsLast(g, saved, outer, groups, weight, gradInput, gradWeight, gradBias);
            return;
        }
        double[] xHat = saved.xHat;
        double[] sumG = new double[groups];
        double[] sumGXHat = new double[groups];
        for (int o = 0, k = 0; o < outer; o++) {
            for (int c = 0; c < groups; c++) {
                double s = 0;
                double sx = 0;
                for (int i = 0; i < inner; i++, k++) {
                    s += g[k];
                    sx += g[k] * xHat[k];
                }
                sumG[c] += s;
                sumGXHat[c] += sx;
            }
        }
        if (gradWeight != null) {
            System.arraycopy(sumGXHat, 0, gradWeight, 0, groups);
        }
        if (gradBias != null) {
            System.arraycopy(sumG, 0, gradBias, 0, groups);
        }
        if (gradInput == null) {
            return;
        }
        double m = (double) outer * inner;
        for (int o = 0, k = 0; o < outer; o++) {
            for (int c = 0; c < groups; c++) {
                double scale = weight[c] * saved.rstd[c] / m;
                double s = sumG[c];
                double sx = sumGXHat[c];
                for (int i = 0; i < inner; i++, k++) {
                    gradInput[k] = scale * (m * g[k] - s - xHat[k] * sx);
                }
            }
        }
    }

    /**
     * {@link #backwardPerGroup} when {@code inner = 1}: the loops run along a row, over the channels,
     * adding the same terms in the same order (the results are the same, bit for bit).
     */
    private static void backwardChannelsLast(double[] g, Normalized saved, int rows, int groups, double[] weight,
                                             double[] gradInput, double[] gradWeight, double[] gradBias) {
        double[] xHat = saved.xHat;
        double[] sumG = new double[groups];
        double[] sumGXHat = new double[groups];
        for (int r = 0, k = 0; r < rows; r++, k += groups) {
            for (int c = 0; c < groups; c++) {
                sumG[c] += g[k + c];
                sumGXHat[c] += g[k + c] * xHat[k + c];
            }
        }
        if (gradWeight != null) {
            System.arraycopy(sumGXHat, 0, gradWeight, 0, groups);
        }
        if (gradBias != null) {
            System.arraycopy(sumG, 0, gradBias, 0, groups);
        }
        if (gradInput == null) {
            return;
        }
        double m = rows;
        double[] scale = new double[groups];
        for (int c = 0; c < groups; c++) {
            scale[c] = weight[c] * saved.rstd[c] / m;
        }
        for (int r = 0, k = 0; r < rows; r++, k += groups) {
            for (int c = 0; c < groups; c++) {
                gradInput[k + c] = scale[c] * (m * g[k + c] - sumG[c] - xHat[k + c] * sumGXHat[c]);
            }
        }
    }
}
