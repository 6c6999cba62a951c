package gradschool.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats tensors exactly the way numpy 2.x prints a float64 array with {@code str(array)} and the
 * default print options.
 *
 * <pre>{@code
 * Tensor.of(new double[] {34, 44, 25})                       // [34. 44. 25.]
 * Tensor.of(new double[] {2.3, 2.46, 0.21})                  // [2.3  2.46 0.21]
 * Tensor.of(new double[][] {{2.3, 2.46, 0.21}, {6.9, -0.81, -1.54}})
 *                                                            // [[ 2.3   2.46  0.21]
 *                                                            //  [ 6.9  -0.81 -1.54]]
 * Tensor.of(new double[] {1e-5, 1})                          // [1.e-05 1.e+00]
 * Tensor.of(2.3)                                             // 2.3
 * }</pre>
 *
 * <p>numpy's default options are {@code precision=8, floatmode='maxprec', suppress=False,
 * threshold=1000, edgeitems=3, linewidth=75, sign='-'}. Printing happens in two steps: first one
 * format is chosen for all the numbers that will be shown, then the numbers are laid out in nested
 * brackets.
 *
 * <h2>Step 1: one format for every element</h2>
 * <ol>
 *   <li><b>Positional or scientific.</b> Look at the finite, non-zero values only. If the largest
 *       absolute value is at least {@code 1e8}, or the smallest is below {@code 1e-4}, or the largest
 *       is more than {@code 1000} times the smallest, every element is printed in scientific
 *       notation ({@code 1.5e+10}); otherwise positionally ({@code 2.46}).</li>
 *   <li><b>Digits of one value ("maxprec").</b> Each value gets the fewest digits that still
 *       identify it uniquely among doubles (the "shortest round-trip" digits that numpy's Dragon4
 *       algorithm produces, so {@code 0.1} prints as {@code 0.1}, not {@code 0.1000000000000000055…}),
 *       but never more than 8 fraction digits; a value that needs more is rounded to 8 (ties to
 *       even). Positionally, 8 means 8 digits after the decimal point; in scientific notation, 8
 *       digits after the point of the mantissa.</li>
 *   <li><b>Columns line up.</b> Positional values are padded with spaces on the left to the widest
 *       integer part (sign included) and on the right to the largest number of fraction digits, so
 *       the decimal points align: {@code [2.3  2.46 0.21]}. A value with no fraction digits keeps its
 *       point: {@code 34.}. Scientific values instead share one digit count, padded with zeros
 *       ({@code [1.5e+10 2.0e+00]}), and one exponent width (at least two digits).</li>
 *   <li><b>Non-finite values.</b> {@code nan}, {@code inf} and {@code -inf} are right-aligned in the
 *       same width as the numbers (widening it if they are longer). {@code -0.0} prints as
 *       {@code -0.}.</li>
 * </ol>
 *
 * <h2>Step 2: layout</h2>
 * <ul>
 *   <li>Each dimension adds a pair of brackets; elements of the last dimension are separated by one
 *       space; sub-arrays start on a new line, indented by one space per enclosing bracket, with
 *       {@code rank - 1} newlines between them (so blocks of a 3-D tensor are separated by a blank
 *       line).</li>
 *   <li>A row that would pass column 75 wraps onto a new line, indented to sit under the first
 *       element.</li>
 *   <li>A tensor with more than 1000 elements is summarised: along every dimension longer than 6,
 *       only the first 3 and last 3 entries are shown, with {@code ...} in between. Only the shown
 *       values take part in step 1.</li>
 *   <li>A tensor with no elements prints {@code []}. A rank-0 tensor prints like a Python float:
 *       all its shortest round-trip digits, positional from {@code 1e-4} up to {@code 1e16}
 *       ({@code 2.3}, {@code 128.0}), scientific otherwise ({@code 1e-05}, {@code 1.5e+16}).</li>
 * </ul>
 *
 * <h2>Known divergence from numpy</h2>
 * The shortest digits are found here by rounding the exact binary value to 1, 2, 3, … digits (ties
 * to even) and keeping the first result that converts back to the same double. Dragon4 treats a
 * decimal lying <em>exactly</em> halfway between two neighbouring doubles as not identifying
 * either, while the round-trip test accepts it when the double's last mantissa bit is even. Such
 * values need about 16 or more significant digits, so the difference can only show for values
 * whose digits are not cut at 8 anyway: in practice, only rank-0 tensors of unusual values.
 */
final class TensorFormat {

    /** numpy's {@code precision}: at most this many fraction digits per value. */
    static final int PRECISION = 8;

    /** numpy's {@code threshold}: tensors with more elements than this are summarised. */
    static final int THRESHOLD = 1000;

    /** numpy's {@code edgeitems}: entries shown at each end of a summarised dimension. */
    static final int EDGE_ITEMS = 3;

    /** numpy's {@code linewidth}: rows wrap so that no line is longer than this. */
    static final int LINE_WIDTH = 75;

    /** The word printed in place of the hidden entries of a summarised dimension. */
    private static final String SUMMARY = "...";

    /** Marks the place of {@link #SUMMARY} in a list of shown indices. */
    private static final int SUMMARY_INDEX = -1;

    private TensorFormat() {
    }

    /**
     * Returns the tensor as numpy's {@code str(array)} would print it.
     *
     * @param tensor the tensor to print
     * @return the text, possibly spanning several lines
     */
    static String format(Tensor tensor) {
        if (tensor.rank() == 0) {
            return formatScalar(tensor.item());
        }
        if (tensor.size() == 0) {
            return "[]";
        }
        boolean summarise = tensor.size() > THRESHOLD;
        List<Double> shown = new ArrayList<>();
        collectShownValues(tensor, summarise, shown);
        ElementFormat elementFormat = ElementFormat.fit(shown);
        // The outermost '[' sits where the one-space hanging indent would be.
        return formatBlock(tensor, elementFormat, summarise, " ", LINE_WIDTH);
    }

    // ---------------------------------------------------------------------------------------
    // Rank 0: printed like a Python float
    // ---------------------------------------------------------------------------------------

    /**
     * Formats one double the way numpy prints a float64 scalar (and Python prints a float): the
     * shortest round-trip digits, positional when {@code 1e-4 <= |value| < 1e16} or the value is
     * zero, scientific otherwise.
     *
     * @param value the value
     * @return e.g. {@code 2.3}, {@code 128.0}, {@code -0.0}, {@code 1e-05}, {@code 1.5e+16}, {@code nan}
     */
    static String formatScalar(double value) {
        if (!Double.isFinite(value)) {
            return nonFiniteText(value);
        }
        String sign = isNegative(value) ? "-" : "";
        double magnitude = Math.abs(value);
        // 17 significant digits always identify a double, so the search below always succeeds.
        Scientific digits = shortestScientific(magnitude, 16);
        if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16)) {
            String plain = new BigDecimal(digits.digits()).scaleByPowerOfTen(
                    digits.exponent() - (digits.digits().length() - 1)).toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.digits().length() == 1
                ? digits.digits()
                : digits.digits().charAt(0) + "." + digits.digits().substring(1);
        return sign + mantissa + exponentText(digits.exponent(), 2);
    }

    // ---------------------------------------------------------------------------------------
    // Summarising: which entries are shown
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the indices shown along a dimension of the given length: all of them, or, when
     * summarising a dimension longer than {@code 2 * EDGE_ITEMS}, the first and last
     * {@code EDGE_ITEMS} with {@link #SUMMARY_INDEX} between them.
     */
    private static List<Integer> shownIndices(int length, boolean summarise) {
        List<Integer> indices = new ArrayList<>();
        if (summarise && length > 2 * EDGE_ITEMS) {
            for (int i = 0; i < EDGE_ITEMS; i++) {
                indices.add(i);
            }
            indices.add(SUMMARY_INDEX);
            for (int i = length - EDGE_ITEMS; i < length; i++) {
                indices.add(i);
            }
        } else {
            for (int i = 0; i < length; i++) {
                indices.add(i);
            }
        }
        return indices;
    }

    /**
     * Adds to {@code shown}, in row-major order, the elements that will be printed. numpy chooses
     * the format from these alone, so hidden values cannot change how the shown ones look.
     */
    private static void collectShownValues(Tensor tensor, boolean summarise, List<Double> shown) {
        for (int index : shownIndices(tensor.dim(0), summarise)) {
            if (index == SUMMARY_INDEX) {
                continue;
            }
            if (tensor.rank() == 1) {
                shown.add(tensor.get(index));
            } else {
                collectShownValues(tensor.select(0, index), summarise, shown);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // Layout: nested brackets, newlines and wrapping (numpy's _formatArray)
    // ---------------------------------------------------------------------------------------

    /**
     * Formats a tensor of rank 1 or more as a bracketed block.
     *
     * <p>The text is built as if every line, including the first, began with {@code hangingIndent};
     * at the end the first line's indent is replaced by the opening bracket. Each level of nesting
     * adds one space to the indent (to sit under the {@code [}) and takes one column from the width
     * (for the closing {@code ]}).
     *
     * @param tensor the block to format
     * @param elementFormat the format shared by all elements
     * @param summarise whether long dimensions are summarised
     * @param hangingIndent the indent of this block's continuation lines
     * @param width the columns available, including the indent
     * @return the block, from its {@code [} to its {@code ]}
     */
    private static String formatBlock(Tensor tensor, ElementFormat elementFormat, boolean summarise,
            String hangingIndent, int width) {
        List<Integer> indices = shownIndices(tensor.dim(0), summarise);
        String body = tensor.rank() == 1
                ? formatRow(tensor, indices, elementFormat, hangingIndent, width)
                : formatRowsOfBlocks(tensor, indices, elementFormat, summarise, hangingIndent, width);
        return "[" + body.substring(hangingIndent.length()) + "]";
    }

    /**
     * Lays out the elements of a 1-D tensor separated by spaces, starting a new line (with the
     * hanging indent) whenever the next element would pass the width minus one column kept for
     * the closing bracket. A line that holds only the indent is never wrapped.
     */
    private static String formatRow(Tensor row, List<Integer> indices, ElementFormat elementFormat,
            String hangingIndent, int width) {
        int lastColumn = width - 1;
        StringBuilder finishedLines = new StringBuilder();
        StringBuilder line = new StringBuilder(hangingIndent);
        for (int k = 0; k < indices.size(); k++) {
            int index = indices.get(k);
            String word = index == SUMMARY_INDEX ? SUMMARY : elementFormat.format(row.get(index));
            boolean lineHasWords = line.length() > hangingIndent.length();
            if (lineHasWords && line.length() + word.length() > lastColumn) {
                finishedLines.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(hangingIndent);
            }
            line.append(word);
            if (k < indices.size() - 1) {
                line.append(' ');
            }
        }
        return finishedLines.append(line).toString();
    }

    /**
     * Lays out the sub-blocks of a tensor of rank 2 or more, one per line, separated by
     * {@code rank - 1} newlines (a blank line between the matrices of a 3-D tensor, two between the
     * 3-D blocks of a 4-D tensor).
     */
    private static String formatRowsOfBlocks(Tensor tensor, List<Integer> indices,
            ElementFormat elementFormat, boolean summarise, String hangingIndent, int width) {
        String separator = "\n".repeat(tensor.rank() - 1);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < indices.size(); k++) {
            int index = indices.get(k);
            text.append(hangingIndent);
            if (index == SUMMARY_INDEX) {
                text.append(SUMMARY);
            } else {
                text.append(formatBlock(tensor.select(0, index), elementFormat, summarise,
                        hangingIndent + " ", width - 1));
            }
            if (k < indices.size() - 1) {
                text.append(separator);
            }
        }
        return text.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Step 1: the format shared by every element (numpy's FloatingFormat)
    // ---------------------------------------------------------------------------------------

    /**
     * The format chosen for all shown elements of one tensor: positional or scientific, and the
     * widths that make every element the same length.
     */
    private static final class ElementFormat {

        /** Whether elements are printed as {@code d.ddde+XX}. */
        private final boolean scientific;

        /** Columns to the left of the decimal point (sign and integer digits). */
        private final int padLeft;

        /**
         * Columns to the right of the decimal point: the fraction digits, plus, in scientific
         * notation, the {@code e}, the exponent's sign and its digits.
         */
        private final int padRight;

        /** Scientific only: the mantissa's fraction digits, shared by all elements. */
        private final int fractionDigits;

        /** Scientific only: the exponent's digit count, shared by all elements. */
        private final int exponentDigits;

        private ElementFormat(boolean scientific, int padLeft, int padRight, int fractionDigits,
                int exponentDigits) {
            this.scientific = scientific;
            this.padLeft = padLeft;
            this.padRight = padRight;
            this.fractionDigits = fractionDigits;
            this.exponentDigits = exponentDigits;
        }

        /**
         * Chooses the format for the given values: decides between positional and scientific
         * notation, then prints every finite value once to measure the widths.
         */
        static ElementFormat fit(List<Double> values) {
            List<Double> finite = new ArrayList<>();
            boolean hasNonFinite = false;
            boolean hasNegativeInfinity = false;
            for (double value : values) {
                if (Double.isFinite(value)) {
                    finite.add(value);
                } else {
                    hasNonFinite = true;
                    hasNegativeInfinity |= value == Double.NEGATIVE_INFINITY;
                }
            }
            boolean scientific = needsScientific(finite);

            int padLeft = 0;
            int padRight = 0;
            int fractionDigits = 0;
            int exponentDigits = 0;
            for (double value : finite) {
                String sign = isNegative(value) ? "-" : "";
                if (scientific) {
                    Scientific digits = shortestScientific(Math.abs(value), PRECISION);
                    padLeft = Math.max(padLeft, sign.length() + 1);
                    fractionDigits = Math.max(fractionDigits, digits.digits().length() - 1);
                    exponentDigits = Math.max(exponentDigits,
                            Math.max(2, Integer.toString(Math.abs(digits.exponent())).length()));
                } else {
                    BigDecimal rounded = shortestPositional(Math.abs(value), PRECISION);
                    String integerPart = sign + rounded.toBigInteger();
                    padLeft = Math.max(padLeft, integerPart.length());
                    padRight = Math.max(padRight, rounded.scale());
                }
            }
            if (scientific) {
                padRight = 1 + 1 + exponentDigits + fractionDigits; // "e", its sign, its digits
            }
            if (hasNonFinite) {
                // nan and inf are right-aligned in the full width "padLeft.padRight"; widen the
                // left side if they do not fit.
                int rightOfPointAndPoint = padRight + 1;
                int longestNonFinite = hasNegativeInfinity ? "-inf".length() : "nan".length();
                padLeft = Math.max(padLeft, longestNonFinite - rightOfPointAndPoint);
            }
            return new ElementFormat(scientific, padLeft, padRight, fractionDigits, exponentDigits);
        }

        /**
         * Applies numpy's rule for switching to scientific notation, looking at the finite
         * non-zero values only: max {@code >= 1e8}, min {@code < 1e-4}, or max/min {@code > 1000}.
         */
        private static boolean needsScientific(List<Double> finite) {
            double maxAbs = 0;
            double minAbs = Double.POSITIVE_INFINITY;
            for (double value : finite) {
                double magnitude = Math.abs(value);
                if (magnitude != 0) {
                    maxAbs = Math.max(maxAbs, magnitude);
                    minAbs = Math.min(minAbs, magnitude);
                }
            }
            if (maxAbs == 0) {
                return false; // no non-zero values
            }
            return maxAbs >= 1e8 || minAbs < 1e-4 || maxAbs / minAbs > 1e3;
        }

        /** Formats one element; every result has the same length. */
        String format(double value) {
            if (!Double.isFinite(value)) {
                return padStart(nonFiniteText(value), padLeft + 1 + padRight);
            }
            String sign = isNegative(value) ? "-" : "";
            double magnitude = Math.abs(value);
            if (scientific) {
                Scientific digits = shortestScientific(magnitude, fractionDigits);
                String fraction = digits.digits().substring(1);
                return padStart(sign + digits.digits().charAt(0), padLeft) + "."
                        + fraction + "0".repeat(fractionDigits - fraction.length())
                        + exponentText(digits.exponent(), exponentDigits);
            }
            BigDecimal rounded = shortestPositional(magnitude, PRECISION);
            String plain = rounded.toPlainString();
            int point = plain.indexOf('.');
            String integerPart = point < 0 ? plain : plain.substring(0, point);
            String fraction = point < 0 ? "" : plain.substring(point + 1);
            return padStart(sign + integerPart, padLeft) + "."
                    + fraction + " ".repeat(padRight - fraction.length());
        }
    }

    // ---------------------------------------------------------------------------------------
    // Digits of one value
    // ---------------------------------------------------------------------------------------

    /**
     * The digits of a positive number in scientific notation: {@code digits = "15"} and
     * {@code exponent = 10} mean {@code 1.5e+10}. {@code digits} has no trailing zeros (except for
     * the number zero, whose digits are {@code "0"}).
     */
    private record Scientific(String digits, int exponent) {
    }

    /**
     * Returns the fewest fraction digits (at most {@code maxFractionDigits}) that identify a
     * non-negative double: the exact binary value is rounded (ties to even) to 0, 1, 2, … fraction
     * digits until the result converts back to the same double. If none does, the value rounded to
     * {@code maxFractionDigits} is returned without its trailing zeros. (The code tries the capped
     * rounding first: for most values it already fails, which settles the answer in one step.)
     *
     * @param magnitude a finite value {@code >= 0}
     * @param maxFractionDigits the most fraction digits allowed
     * @return a decimal whose scale is its number of fraction digits
     */
    static BigDecimal shortestPositional(double magnitude, int maxFractionDigits) {
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal capped = exact.setScale(maxFractionDigits, RoundingMode.HALF_EVEN);
        if (capped.doubleValue() != magnitude) {
            // Even the most digits allowed do not identify the value (the usual case for measured
            // or computed numbers); a shorter rounding is never closer to it, so it cannot either.
            capped = capped.stripTrailingZeros();
            return capped.scale() < 0 ? capped.setScale(0) : capped;
        }
        for (int digits = 0; digits < maxFractionDigits; digits++) {
            BigDecimal rounded = exact.setScale(digits, RoundingMode.HALF_EVEN);
            if (rounded.doubleValue() == magnitude) {
                return rounded;
            }
        }
        return capped;
    }

    /**
     * Returns the fewest mantissa digits (at most {@code 1 + maxFractionDigits}) that identify a
     * non-negative double, found the same way as in {@link #shortestPositional} but counting
     * significant digits.
     */
    private static Scientific shortestScientific(double magnitude, int maxFractionDigits) {
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal rounded = exact.round(new MathContext(maxFractionDigits + 1, RoundingMode.HALF_EVEN));
        if (rounded.doubleValue() == magnitude) {
            // The capped rounding identifies the value; look for the shortest one that does.
            for (int digits = 1; digits <= maxFractionDigits; digits++) {
                BigDecimal shorter = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
                if (shorter.doubleValue() == magnitude) {
                    rounded = shorter;
                    break;
                }
            }
        }
        rounded = rounded.stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        // value = unscaled × 10^-scale = d.ddd × 10^(length - 1 - scale)
        int exponent = magnitude == 0 ? 0 : digits.length() - 1 - rounded.scale();
        return new Scientific(digits, exponent);
    }

    /** Returns {@code e+05}-style text: the exponent's sign and at least {@code minDigits} digits. */
    private static String exponentText(int exponent, int minDigits) {
        String digits = Integer.toString(Math.abs(exponent));
        return "e" + (exponent < 0 ? "-" : "+") + "0".repeat(Math.max(0, minDigits - digits.length()))
                + digits;
    }

    /** Returns {@code nan}, {@code inf} or {@code -inf}. */
    private static String nonFiniteText(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        return value < 0 ? "-inf" : "inf";
    }

    /** Whether the sign bit is set: true for negative numbers and for {@code -0.0}. */
    private static boolean isNegative(double value) {
        return Math.copySign(1.0, value) < 0;
    }

    /** Pads {@code text} with spaces on the left to {@code width} characters. */
    private static String padStart(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }
}
