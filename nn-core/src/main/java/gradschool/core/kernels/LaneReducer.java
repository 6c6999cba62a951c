package gradschool.core.kernels;

/**
 * Reduces one lane of numbers — {@code length} elements starting at {@code data[start]}, {@code stride}
 * apart — to a single number. Each reduction of a tensor (sum, max, argmax, …) is one of these.
 */
public enum LaneReducer {

    /** {@code Σ x}. */
    SUM(false) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            double sum = 0;
            for (int i = 0, p = start; i < length; i++, p += stride) {
                sum += data[p];
            }
            return sum;
        }
    },

    /** {@code Σ x / n}. */
    MEAN(true) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            return SUM.reduce(data, start, stride, length) / length;
        }
    },

    /** The largest element; NaN if any element is NaN (as numpy). */
    MAX(true) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0, p = start; i < length; i++, p += stride) {
                max = Math.max(max, data[p]);
            }
            return max;
        }
    },

    /** The smallest element; NaN if any element is NaN. */
    MIN(true) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0, p = start; i < length; i++, p += stride) {
                min = Math.min(min, data[p]);
            }
            return min;
        }
    },

    /** The index of the first largest element (the first NaN, if any, as numpy). */
    ARGMAX(true) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            return indexOfFirst(MAX.reduce(data, start, stride, length), data, start, stride, length);
        }
    },

    /** The index of the first smallest element (the first NaN, if any). */
    ARGMIN(true) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            return indexOfFirst(MIN.reduce(data, start, stride, length), data, start, stride, length);
        }
    },

    /** The population variance {@code Σ (x - mean)² / n}, in two passes for accuracy. */
    VARIANCE(true) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            double mean = MEAN.reduce(data, start, stride, length);
            double sum = 0;
            for (int i = 0, p = start; i < length; i++, p += stride) {
                double deviation = data[p] - mean;
                sum += deviation * deviation;
            }
            return sum / length;
        }
    },

    /** {@code log Σ e^x}, as {@code m + log Σ e^(x - m)} with {@code m = max x}; −inf for an empty lane. */
    LOG_SUM_EXP(false) {
        @Override
        public double reduce(double[] data, int start, int stride, int length) {
            double max = MAX.reduce(data, start, stride, length);
            if (Double.isInfinite(max) || Double.isNaN(max)) {
                return max; // -inf: every element is -inf (or none); +inf or NaN propagate
            }
            double sum = 0;
            for (int i = 0, p = start; i < length; i++, p += stride) {
                sum += Math.exp(data[p] - max);
            }
            return max + Math.log(sum);
        }
    };

    private final boolean needsElements;

    LaneReducer(boolean needsElements) {
        this.needsElements = needsElements;
    }

    /**
     * Tells whether an empty lane has no defined result (and so is an error).
     *
     * @return true for the reductions that need at least one element
     */
    public boolean needsElements() {
        return needsElements;
    }

    /**
     * Reduces one lane.
     *
     * @param data the data
     * @param start where the lane's first element is
     * @param stride how far apart its elements are
     * @param length how many elements it has
     * @return the result
     */
    public abstract double reduce(double[] data, int start, int stride, int length);

    /**
     * Returns the index in the lane of the first element equal to {@code value} (the first NaN if
     * {@code value} is NaN; {@code 0.0} and {@code -0.0} count as equal), or 0 if there is none.
     */
    private static int indexOfFirst(double value, double[] data, int start, int stride, int length) {
        boolean nan = Double.isNaN(value);
        for (int i = 0, p = start; i < length; i++, p += stride) {
            if (nan ? Double.isNaN(data[p]) : data[p] == value) {
                return i;
            }
        }
        return 0;
    }
}
