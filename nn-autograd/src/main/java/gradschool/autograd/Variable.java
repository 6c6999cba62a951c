package gradschool.autograd;

import gradschool.autograd.functions.Abs;
import gradschool.autograd.functions.Add;
import gradschool.autograd.functions.Affine;
import gradschool.autograd.functions.AvgPool2d;
import gradschool.autograd.functions.BatchNorm;
import gradschool.autograd.functions.Clip;
import gradschool.autograd.functions.Concat;
import gradschool.autograd.functions.Cos;
import gradschool.autograd.functions.Div;
import gradschool.autograd.functions.Erf;
import gradschool.autograd.functions.Exp;
import gradschool.autograd.functions.Expand;
import gradschool.autograd.functions.Fold;
import gradschool.autograd.functions.GELU;
import gradschool.autograd.functions.GELUTanh;
import gradschool.autograd.functions.IndexSelect;
import gradschool.autograd.functions.LayerNorm;
import gradschool.autograd.functions.LeakyReLU;
import gradschool.autograd.functions.Log;
import gradschool.autograd.functions.LogSoftmax;
import gradschool.autograd.functions.LogSumExp;
import gradschool.autograd.functions.MatMul;
import gradschool.autograd.functions.Max;
import gradschool.autograd.functions.MaxPool2d;
import gradschool.autograd.functions.Maximum;
import gradschool.autograd.functions.Mean;
import gradschool.autograd.functions.Min;
import gradschool.autograd.functions.Minimum;
import gradschool.autograd.functions.Mul;
import gradschool.autograd.functions.Neg;
import gradschool.autograd.functions.Permute;
import gradschool.autograd.functions.Pow;
import gradschool.autograd.functions.PowScalar;
import gradschool.autograd.functions.ReLU;
import gradschool.autograd.functions.Reshape;
import gradschool.autograd.functions.ScaledDotProductAttention;
import gradschool.autograd.functions.Select;
import gradschool.autograd.functions.Sigmoid;
import gradschool.autograd.functions.Sin;
import gradschool.autograd.functions.Slice;
import gradschool.autograd.functions.Softmax;
import gradschool.autograd.functions.Sqrt;
import gradschool.autograd.functions.Sub;
import gradschool.autograd.functions.Sum;
import gradschool.autograd.functions.SumToShape;
import gradschool.autograd.functions.Tanh;
import gradschool.autograd.functions.Unfold;
import gradschool.autograd.functions.Variance;
import gradschool.autograd.functions.Where;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;

/**
 * A tensor that remembers how it was made, so it can send gradients back.
 *
 * <pre>{@code
 * Variable x = Variable.requiringGrad(Tensor.of(new double[] {1, 2, 3})).named("x");
 * Variable w = Variable.requiringGrad(Tensor.of(new double[] {0.2, 0.8, -0.5})).named("w");
 * Variable z = w.matmul(x).add(2);       // z = w·x + b = 2.3, as in the seed notebook
 * z.relu().backward();
 * w.grad();                              // [1. 2. 3.]  — d relu(w·x + b) / dw = x
 * }</pre>
 *
 * <p>A variable holds:
 * <ul>
 *   <li>its {@link #value()}, a {@link Tensor};</li>
 *   <li>its {@link #grad()}: null until a backward pass reaches it, then {@code dL/d(this)}, added
 *       up over every backward pass until {@link #zeroGrad()};</li>
 *   <li>whether it {@link #requiresGrad()};</li>
 *   <li>the {@link Function} that made it (null for a leaf — a variable you created) and, through
 *       it, that function's inputs in argument order;</li>
 *   <li>an optional human {@link #name()} and, when asked for ({@link CreationSite#recording()}, anomaly
 *       mode), the {@link #creationSite()} in your code.</li>
 * </ul>
 *
 * <p>The fluent methods ({@code x.matmul(w).add(b).relu()}) do nothing but apply the matching
 * {@code Function} from {@code gradschool.autograd.functions}.
 */
public class Variable {

    private static final int SMALL = 10;

    private final Tensor value;
    private final Function function;
    private final boolean requiresGrad;
    private Variable grad;
    private NameAndSite nameAndSite; // null unless named or made while sites are recorded: only printing reads it
    private boolean retainsGrad;
    private boolean constant;
    // Set only while a backward pass walks this variable's graph (see Gradients):
    private Gradients walkedBy;   // that pass, or null
    private Variable pendingGrad; // dL/d(this) received so far in that pass (micrograd's grad during backward())
    private boolean pendingGradIsOwn; // whether pendingGrad was made by that pass for this variable alone

    /**
     * Makes a leaf: for subclasses such as {@code gradschool.nn.Parameter}.
     *
     * @param value the value
     * @param requiresGrad whether gradients flow to it
     */
    protected Variable(Tensor value, boolean requiresGrad) {
        this(value, null, requiresGrad);
    }

    Variable(Tensor value, Function function, boolean requiresGrad) {
        this.value = value;
        this.function = function;
        this.requiresGrad = requiresGrad;
        if (CreationSite.isRecording()) { // only if asked: a stack walk per variable
            this.nameAndSite = new NameAndSite(null, CreationSite.ofCaller());
        }
    }

    /** The two things a variable may carry for printing, kept together so that most variables carry neither. */
    private record NameAndSite(String name, CreationSite creationSite) {
    }

    // ---------------------------------------------------------------------------------------
    // Making leaves
    // ---------------------------------------------------------------------------------------

    /**
     * Returns a leaf that does not require a gradient: data, such as inputs and targets.
     *
     * @param value the value
     * @return a new leaf
     */
    public static Variable of(Tensor value) {
        return new Variable(value, null, false);
    }

    /**
     * Returns a scalar leaf that does not require a gradient.
     *
     * @param value the value
     * @return a new leaf of shape {@code ()}
     */
    public static Variable of(double value) {
        return of(Tensor.of(value));
    }

    /**
     * Returns a constant: a leaf that does not require a gradient and prints as its value rather than as
     * a {@code leaf} — {@code const 2.0} for a scalar, {@code const (3,)} otherwise. The scalar forms of
     * the ops ({@code x.mul(2.0)}, {@code x.add(1.0)}, …) wrap their number with it, so a graph shows
     * {@code Mul(x, const 2.0)}. Use {@link #of(Tensor)} for data (inputs, targets).
     *
     * @param value the value
     * @return a new constant leaf
     */
    public static Variable constant(Tensor value) {
        Variable c = new Variable(value, null, false);
        c.constant = true;
        return c;
    }

    /**
     * Returns a scalar constant, which prints as {@code const 2.0} (see {@link #constant(Tensor)}).
     *
     * @param value the value
     * @return a new constant leaf of shape {@code ()}
     */
    public static Variable constant(double value) {
        return constant(Tensor.of(value));
    }

    /**
     * Returns a leaf that requires a gradient: a weight, or any value you want {@code dL/d(value)} for.
     *
     * @param value the value
     * @return a new leaf
     */
    public static Variable requiringGrad(Tensor value) {
        return new Variable(value, null, true);
    }

    /**
     * Returns a scalar leaf that requires a gradient.
     *
     * @param value the value
     * @return a new leaf of shape {@code ()}
     */
    public static Variable requiringGrad(double value) {
        return requiringGrad(Tensor.of(value));
    }

    // ---------------------------------------------------------------------------------------
    // What it holds
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the value.
     *
     * @return the tensor (do not modify it unless you are an optimizer)
     */
    public Tensor value() {
        return value;
    }

    /**
     * Returns the accumulated gradient {@code dL/d(this)}, or null if no backward pass has reached
     * this variable since it was made or since the last {@link #zeroGrad()}.
     *
     * <p>Null, not zeros, as in PyTorch ({@code .grad} is {@code None} after {@code zero_grad()}):
     * "no gradient yet" stays distinguishable from "a gradient of zero", and optimizers skip a
     * parameter whose gradient is null instead of moving it on momentum alone. Use
     * {@link #gradOrZeros()} to read zeros instead.
     *
     * @return the gradient, with this variable's shape, or null
     */
    public Tensor grad() {
        return grad == null ? null : grad.value();
    }

    /**
     * Returns the accumulated gradient, or a new tensor of zeros of this variable's shape if there is
     * none yet (after {@link #zeroGrad()}, or before any backward pass reached this variable). The
     * zeros are a fresh tensor: writing into them does not set a gradient.
     *
     * @return the gradient or zeros, with this variable's shape; never null
     */
    public Tensor gradOrZeros() {
        return grad == null ? Tensor.zeros(shape()) : grad.value();
    }

    /**
     * Returns the accumulated gradient as a variable: after {@link #backwardCreatingGraph(Tensor)} it
     * has a history and can be differentiated again.
     *
     * @return the gradient variable, or null
     */
    public Variable gradVariable() {
        return grad;
    }

    /**
     * Tells whether gradients flow to this variable.
     *
     * @return true for leaves made with {@link #requiringGrad} and for results of ops on them
     */
    public boolean requiresGrad() {
        return requiresGrad;
    }

    /**
     * Returns the function that made this variable, or null for a leaf.
     *
     * @return the function
     */
    public Function function() {
        return function;
    }

    /**
     * Returns the inputs of the function that made this variable (empty for a leaf).
     *
     * @return the inputs in argument order
     */
    public List<Variable> inputs() {
        return function == null ? List.of() : function.inputs();
    }

    /**
     * Tells whether this variable was created directly rather than computed by an op.
     *
     * @return true for a leaf
     */
    public boolean isLeaf() {
        return function == null;
    }

    /**
     * Tells whether this variable is a constant made with {@link #constant(Tensor)} — such as the
     * {@code 2.0} of {@code x.mul(2.0)} — rather than a leaf you made or a result of an op.
     *
     * @return true for a constant
     */
    public boolean isConstant() {
        return constant;
    }

    /**
     * Returns the name given with {@link #named}, or null.
     *
     * @return the name
     */
    public String name() {
        return nameAndSite == null ? null : nameAndSite.name();
    }

    /**
     * Gives this variable a name, shown by {@link #toString()}, graph drawings and explanations.
     *
     * @param newName the name, e.g. {@code "W1"}
     * @return this variable
     */
    public Variable named(String newName) {
        this.nameAndSite = new NameAndSite(newName, creationSite());
        return this;
    }

    /**
     * Returns where in the user's code this variable was made, or null if it was made outside a
     * {@link CreationSite#recording()} scope and outside anomaly mode (recording costs a stack walk, so
     * it is done only on request).
     *
     * @return the creation site, or null
     */
    public CreationSite creationSite() {
        return nameAndSite == null ? null : nameAndSite.creationSite();
    }

    /**
     * Returns the shape of the value.
     *
     * @return the shape
     */
    public Shape shape() {
        return value.shape();
    }

    /**
     * Returns the number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return value.rank();
    }

    /**
     * Returns the number of elements.
     *
     * @return the size
     */
    public int size() {
        return value.size();
    }

    /**
     * Returns the value of a one-element variable.
     *
     * @return the number
     */
    public double item() {
        return value.item();
    }

    // ---------------------------------------------------------------------------------------
    // The backward pass
    // ---------------------------------------------------------------------------------------

    /**
     * Computes {@code d(this)/d(leaf)} for every leaf that requires a gradient and adds it into the
     * leaf's {@link #grad()}, like PyTorch's {@code loss.backward()}. This variable must have exactly
     * one element (a loss); the implicit seed is {@code dL/dL = 1}.
     *
     * @throws IllegalArgumentException naming the shape if this variable has more than one element
     *     (pass a seed of its shape with {@link #backward(Tensor)}), or if it does not require a gradient
     */
    public void backward() {
        backward(1.0);
    }

    /**
     * Runs backward from a one-element variable with the seed {@code dL/d(this) = seed}: every leaf's
     * gradient receives {@code seed · d(this)/d(leaf)}, like PyTorch's
     * {@code loss.backward(torch.tensor(seed))}.
     *
     * @param seed the gradient of the final loss with respect to this variable, a number
     * @throws IllegalArgumentException naming the shape if this variable has more than one element
     *     (pass a seed of its shape with {@link #backward(Tensor)}), or if it does not require a gradient
     */
    public void backward(double seed) {
        if (size() != 1) {
            throw new IllegalArgumentException("backward: a seed can be created implicitly only for a "
                    + "one-element output (a loss), but this variable has shape " + shape() + " (" + size()
                    + " elements); call backward(seed) with a seed tensor of shape " + shape()
                    + ", or reduce it first, e.g. with sum()");
        }
        backward(Tensor.full(shape(), seed));
    }

    /**
     * Runs backward with an explicit seed {@code dL/d(this)}, adding into every leaf's gradient.
     *
     * @param seed the gradient of the final loss with respect to this variable, of this shape
     */
    public void backward(Tensor seed) {
        Autograd.backward(this, seed, false);
    }

    /**
     * Runs backward and records the backward pass itself, so that the leaves' gradients
     * ({@link #gradVariable()}) can be differentiated again.
     *
     * @param seed the seed gradient, of this shape
     */
    public void backwardCreatingGraph(Tensor seed) {
        Autograd.backward(this, seed, true);
    }

    /**
     * Forgets the accumulated gradient: afterwards {@link #grad()} is null (PyTorch's
     * {@code zero_grad(set_to_none=True)}, its default), until the next backward pass reaches this
     * variable. Read it with {@link #gradOrZeros()} if you want zeros instead of null.
     */
    public void zeroGrad() {
        grad = null;
    }

    /**
     * Asks the backward pass to keep this variable's gradient in {@link #grad()} even though it is not
     * a leaf — handy for looking at {@code dL/dZ} of a hidden layer.
     *
     * @return this variable
     */
    public Variable retainGrad() {
        retainsGrad = true;
        return this;
    }

    boolean retainsGrad() {
        return retainsGrad;
    }

    /**
     * Adds into the gradient total: the {@code +=} that makes repeated backward passes add up.
     *
     * <p>The first gradient is copied unless it carries a history (created with {@code createGraph}):
     * backward rules pass tensors along without copying (both inputs of {@code Add} receive the very
     * same {@code g}, a reshape's gradient is a view, the seed is the caller's tensor), and a leaf's
     * {@code .grad} must be its own, so that scaling one in place (as gradient clipping does) cannot
     * change another leaf's gradient or the caller's seed.
     */
    void accumulateGrad(Variable gradient) {
        if (grad != null) {
            grad = grad.add(gradient);
        } else if (gradient.requiresGrad()) {
            grad = gradient;
        } else {
            grad = of(gradient.value().copy());
        }
    }

    // ---------------------------------------------------------------------------------------
    // During a backward pass: the gradient on its way (used by Gradients only)
    // ---------------------------------------------------------------------------------------

    private static final VarHandle WALKED_BY;

    static {
        try {
            WALKED_BY = MethodHandles.lookup().findVarHandle(Variable.class, "walkedBy", Gradients.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Marks this variable as reached by the backward pass {@code pass}: true the first time, false if
     * that pass reached it before. One pass at a time walks a variable (the mark is set atomically).
     *
     * @throws IllegalStateException if another backward pass, still running, walks this variable
     */
    boolean markReachedBy(Gradients pass) {
        Gradients current = walkedBy;
        if (current == pass) {
            return false;
        }
        if (current != null || !WALKED_BY.compareAndSet(this, null, pass)) {
            throw new IllegalStateException("backward: " + describeBriefly() + " is already being walked by "
                    + "another backward pass that has not finished (in a listener or backward rule, or on another "
                    + "thread); a variable can be in one backward pass at a time");
        }
        return true;
    }

    /** Returns the gradient that has arrived here in the backward pass {@code pass}, or null if none. */
    Variable pendingGradIn(Gradients pass) {
        return walkedBy == pass ? pendingGrad : null;
    }

    /**
     * Sets the gradient that has arrived here in the backward pass that reached this variable, and
     * whether that pass made it for this variable alone (then the pass may add into it in place).
     */
    void setPendingGrad(Variable gradient, boolean ownedByThisVariable) {
        pendingGrad = gradient;
        pendingGradIsOwn = ownedByThisVariable;
    }

    /** Tells whether the pending gradient was made by the backward pass for this variable alone. */
    boolean pendingGradIsOwn() {
        return pendingGradIsOwn;
    }

    /** Forgets the backward pass that reached this variable and the gradient it left here. */
    void releaseFromBackwardPass() {
        pendingGrad = null;
        pendingGradIsOwn = false;
        walkedBy = null;
    }

    /**
     * Returns a leaf with the same value and no history: gradients do not flow through it.
     *
     * @return a new leaf sharing this variable's value
     */
    public Variable detach() {
        return of(value);
    }

    // ---------------------------------------------------------------------------------------
    // Operations: each applies one Function
    // ---------------------------------------------------------------------------------------

    /**
     * Returns {@code this + other} with broadcasting ({@link Add}).
     *
     * @param other the other operand
     * @return the sum
     */
    public Variable add(Variable other) {
        return new Add().apply(this, other);
    }

    /**
     * Returns {@code this + c}.
     *
     * @param c the scalar
     * @return the sum
     */
    public Variable add(double c) {
        return add(constant(c));
    }

    /**
     * Returns {@code this - other} with broadcasting ({@link Sub}).
     *
     * @param other the other operand
     * @return the difference
     */
    public Variable sub(Variable other) {
        return new Sub().apply(this, other);
    }

    /**
     * Returns {@code this - c}.
     *
     * @param c the scalar
     * @return the difference
     */
    public Variable sub(double c) {
        return sub(constant(c));
    }

    /**
     * Returns {@code c - this} (the scalar on the left).
     *
     * @param c the scalar
     * @return the difference
     */
    public Variable rsub(double c) {
        return constant(c).sub(this);
    }

    /**
     * Returns {@code this * other}, element-wise with broadcasting ({@link Mul}).
     *
     * @param other the other operand
     * @return the product
     */
    public Variable mul(Variable other) {
        return new Mul().apply(this, other);
    }

    /**
     * Returns {@code this * c}.
     *
     * @param c the scalar
     * @return the product
     */
    public Variable mul(double c) {
        return mul(constant(c));
    }

    /**
     * Returns {@code this / other}, element-wise with broadcasting ({@link Div}).
     *
     * @param other the divisor
     * @return the quotient
     */
    public Variable div(Variable other) {
        return new Div().apply(this, other);
    }

    /**
     * Returns {@code this / c}.
     *
     * @param c the divisor
     * @return the quotient
     */
    public Variable div(double c) {
        return div(constant(c));
    }

    /**
     * Returns {@code c / this} (the scalar on the left).
     *
     * @param c the dividend
     * @return the quotient
     */
    public Variable rdiv(double c) {
        return constant(c).div(this);
    }

    /**
     * Returns {@code -this} ({@link Neg}).
     *
     * @return the negation
     */
    public Variable neg() {
        return new Neg().apply(this);
    }

    /**
     * Returns {@code this ** exponent} for a constant exponent ({@link PowScalar}).
     *
     * @param exponent the exponent
     * @return the power
     */
    public Variable pow(double exponent) {
        return new PowScalar(exponent).apply(this);
    }

    /**
     * Returns {@code this ** exponent}, element-wise with broadcasting ({@link Pow}).
     *
     * @param exponent the exponents (a variable: it gets a gradient too)
     * @return the power
     */
    public Variable pow(Variable exponent) {
        return new Pow().apply(this, exponent);
    }

    /**
     * Returns {@code e^this} ({@link Exp}).
     *
     * @return the exponential
     */
    public Variable exp() {
        return new Exp().apply(this);
    }

    /**
     * Returns the natural logarithm ({@link Log}).
     *
     * @return the logarithm
     */
    public Variable log() {
        return new Log().apply(this);
    }

    /**
     * Returns the square root ({@link Sqrt}).
     *
     * @return the root
     */
    public Variable sqrt() {
        return new Sqrt().apply(this);
    }

    /**
     * Returns {@code |this|} ({@link Abs}).
     *
     * @return the absolute value
     */
    public Variable abs() {
        return new Abs().apply(this);
    }

    /**
     * Returns the hyperbolic tangent ({@link Tanh}).
     *
     * @return tanh
     */
    public Variable tanh() {
        return new Tanh().apply(this);
    }

    /**
     * Returns the sine, in radians ({@link Sin}).
     *
     * @return sin
     */
    public Variable sin() {
        return new Sin().apply(this);
    }

    /**
     * Returns the cosine, in radians ({@link Cos}).
     *
     * @return cos
     */
    public Variable cos() {
        return new Cos().apply(this);
    }

    /**
     * Returns the error function {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt} ({@link Erf}).
     *
     * @return erf
     */
    public Variable erf() {
        return new Erf().apply(this);
    }

    /**
     * Returns the logistic sigmoid {@code 1 / (1 + e^-x)} ({@link Sigmoid}).
     *
     * @return the sigmoid
     */
    public Variable sigmoid() {
        return new Sigmoid().apply(this);
    }

    /**
     * Returns {@code max(x, 0)} ({@link ReLU}).
     *
     * @return the ReLU
     */
    public Variable relu() {
        return new ReLU().apply(this);
    }

    /**
     * Returns {@code x} where {@code x > 0} and {@code slope·x} elsewhere ({@link LeakyReLU}).
     *
     * @param slope the slope for negative inputs, e.g. 0.01
     * @return the leaky ReLU
     */
    public Variable leakyRelu(double slope) {
        return new LeakyReLU(slope).apply(this);
    }

    /**
     * Returns the element-wise maximum, with broadcasting ({@link Maximum}).
     *
     * @param other the other operand
     * @return the maximum
     */
    public Variable maximum(Variable other) {
        return new Maximum().apply(this, other);
    }

    /**
     * Returns {@code max(this, c)} element-wise.
     *
     * @param c the scalar
     * @return the maximum
     */
    public Variable maximum(double c) {
        return maximum(constant(c));
    }

    /**
     * Returns the element-wise minimum, with broadcasting ({@link Minimum}).
     *
     * @param other the other operand
     * @return the minimum
     */
    public Variable minimum(Variable other) {
        return new Minimum().apply(this, other);
    }

    /**
     * Returns {@code min(this, c)} element-wise.
     *
     * @param c the scalar
     * @return the minimum
     */
    public Variable minimum(double c) {
        return minimum(constant(c));
    }

    /**
     * Limits every element to {@code [min, max]} ({@link Clip}).
     *
     * @param min the lower bound
     * @param max the upper bound
     * @return the clipped values
     */
    public Variable clip(double min, double max) {
        return new Clip(min, max).apply(this);
    }

    /**
     * Returns the matrix product with numpy's {@code @} semantics ({@link MatMul}).
     *
     * @param other the right operand
     * @return the product
     */
    public Variable matmul(Variable other) {
        return new MatMul().apply(this, other);
    }

    /**
     * Copies every sliding window of a batch of images {@code (N, C, H, W)} into a column, giving
     * {@code (N, C·kh·kw, outH·outW)} (im2col, PyTorch's {@code F.unfold}; {@link Unfold}, whose
     * backward pass is {@link Fold}).
     *
     * @param kernelSize {@code {kh, kw}}
     * @param stride {@code {sh, sw}}
     * @param padding {@code {ph, pw}}, zeros on both sides
     * @param dilation {@code {dh, dw}}
     * @return the columns
     * @throws IllegalArgumentException if this is not 4-D or the output would be empty
     */
    public Variable unfold(int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        return new Unfold(kernelSize, stride, padding, dilation).apply(this);
    }

    /**
     * Adds columns {@code (N, C·kh·kw, outH·outW)} back into images {@code (N, C, H, W)}, summing where
     * windows overlap (col2im, PyTorch's {@code F.fold}; {@link Fold}, the adjoint of {@link #unfold}).
     *
     * @param outputSize {@code {H, W}}
     * @param kernelSize {@code {kh, kw}}
     * @param stride {@code {sh, sw}}
     * @param padding {@code {ph, pw}}
     * @param dilation {@code {dh, dw}}
     * @return the images
     * @throws IllegalArgumentException if this is not {@code (N, C·kh·kw, outH·outW)} for the geometry
     */
    public Variable fold(int[] outputSize, int[] kernelSize, int[] stride, int[] padding, int[] dilation) {
        return new Fold(outputSize, kernelSize, stride, padding, dilation).apply(this);
    }

    /**
     * Returns the 2-D convolution of a batch of images with PyTorch's {@code F.conv2d} conventions:
     * a cross-correlation (the kernel is not flipped),
     * {@code y[n, o, oy, ox] = b[o] + Σ_{c, i, j} w[o, c, i, j] · x[n, c, oy·sh − ph + i·dh, ox·sw − pw + j·dw]},
     * with zeros outside the input. Computed as {@link #unfold} (im2col), one {@link #matmul} of the
     * weight {@code (Cout, Cin·kh·kw)} with the columns, and a reshape, so the gradients are those
     * ops' rules: {@code dL/dw = Σ_n g·columnsᵀ}, {@code dL/dx = fold(wᵀ·g)} (a convolution of g with the
     * flipped kernel), {@code dL/db = Σ g} over N, outH, outW (docs/convolution.md).
     *
     * @param weight {@code (Cout, Cin, kh, kw)}
     * @param bias {@code (Cout,)}, or null for none
     * @param stride {@code {sh, sw}}, each at least 1
     * @param padding {@code {ph, pw}}, zeros on both sides, each at least 0
     * @param dilation {@code {dh, dw}}, the step between kernel taps, each at least 1
     * @return {@code (N, Cout, outH, outW)} with {@code outH = ⌊(H + 2·ph − dh·(kh − 1) − 1) / sh⌋ + 1},
     *     likewise outW
     * @throws IllegalArgumentException naming both shapes if the channels differ, or naming the input
     *     size, kernel, stride, padding and dilation if the output would be empty
     */
    public Variable conv2d(Variable weight, Variable bias, int[] stride, int[] padding, int[] dilation) {
        return Convolutions.conv2d(this, weight, bias, stride, padding, dilation);
    }

    /**
     * Returns the 2-D convolution with the same stride, padding and dilation along height and width;
     * see {@link #conv2d(Variable, Variable, int[], int[], int[])}.
     *
     * @param weight {@code (Cout, Cin, kh, kw)}
     * @param bias {@code (Cout,)}, or null for none
     * @param stride the step between windows, at least 1
     * @param padding zeros on every side, at least 0
     * @param dilation the step between kernel taps, at least 1
     * @return {@code (N, Cout, outH, outW)}
     */
    public Variable conv2d(Variable weight, Variable bias, int stride, int padding, int dilation) {
        return conv2d(weight, bias, new int[] {stride, stride}, new int[] {padding, padding},
                new int[] {dilation, dilation});
    }

    /**
     * Returns the 1-D convolution of a batch of signals with PyTorch's {@code F.conv1d} conventions:
     * a cross-correlation,
     * {@code y[n, o, t] = b[o] + Σ_{c, j} w[o, c, j] · x[n, c, t·stride − padding + j·dilation]}, with
     * zeros outside the input. Computed as {@link #conv2d} on images one row high.
     *
     * @param weight {@code (Cout, Cin, k)}
     * @param bias {@code (Cout,)}, or null for none
     * @param stride the step between windows, at least 1
     * @param padding zeros on both ends, at least 0
     * @param dilation the step between kernel taps, at least 1
     * @return {@code (N, Cout, Lout)} with {@code Lout = ⌊(L + 2·padding − dilation·(k − 1) − 1) / stride⌋ + 1}
     * @throws IllegalArgumentException naming both shapes if the channels differ, or naming the input
     *     length, kernel, stride, padding and dilation if the output would be empty
     */
    public Variable conv1d(Variable weight, Variable bias, int stride, int padding, int dilation) {
        return Convolutions.conv1d(this, weight, bias, stride, padding, dilation);
    }

    /**
     * Returns {@code this·Wᵀ + b}, a fully connected layer in one op ({@link Affine}); the same values
     * as {@code matmul(weight.transpose()).add(bias)}, with a faster backward pass.
     *
     * @param weight {@code (out, in)}
     * @param bias {@code (out,)}, or null for none
     * @return {@code (…, out)}
     * @throws IllegalArgumentException if this variable's last dimension is not {@code in}, or the
     *     bias's shape is not {@code (out,)}
     */
    public Variable affine(Variable weight, Variable bias) {
        if (weight.rank() != 2 || rank() == 0 || shape().dim(-1) != weight.shape().dim(1)
                || (bias != null && (bias.rank() != 1 || bias.shape().dim(0) != weight.shape().dim(0)))) {
            throw new IllegalArgumentException("affine: cannot compute x·Wᵀ + b for x " + shape() + ", W "
                    + weight.shape() + " and b " + (bias == null ? "none" : bias.shape().toString())
                    + ": W must be (out, in) with in = x's last dimension, and b must be (out,)");
        }
        return bias == null ? new Affine().apply(this, weight) : new Affine().apply(this, weight, bias);
    }

    /**
     * Returns the transpose of a 2-D variable ({@link Permute}).
     *
     * @return the transpose
     */
    public Variable transpose() {
        if (rank() < 2) {
            return this;
        }
        if (rank() != 2) {
            throw new IllegalArgumentException("transpose: the no-argument form needs rank <= 2, got shape "
                    + shape() + "; use transpose(axis0, axis1) or permute");
        }
        return permute(1, 0);
    }

    /**
     * Swaps two dimensions ({@link Permute}).
     *
     * @param axis0 one dimension
     * @param axis1 the other
     * @return the transposed variable
     */
    public Variable transpose(int axis0, int axis1) {
        int[] order = new int[rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int a = shape().normalizeAxis(axis0);
        int b = shape().normalizeAxis(axis1);
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /**
     * Reorders the dimensions ({@link Permute}).
     *
     * @param order a permutation of the axes
     * @return the permuted variable
     */
    public Variable permute(int... order) {
        return new Permute(order).apply(this);
    }

    /**
     * Returns the same elements with a new shape; one dimension may be {@code -1} ({@link Reshape}).
     *
     * @param dims the new shape
     * @return the reshaped variable
     */
    public Variable reshape(int... dims) {
        return new Reshape(dims).apply(this);
    }

    /**
     * Returns the elements as one dimension ({@link Reshape}).
     *
     * @return the flattened variable
     */
    public Variable flatten() {
        return reshape(size());
    }

    /**
     * Removes every dimension of size 1 ({@link Reshape}).
     *
     * @return the squeezed variable
     */
    public Variable squeeze() {
        return reshape(value.squeeze().shape().toArray());
    }

    /**
     * Removes one dimension of size 1 ({@link Reshape}).
     *
     * @param axis the dimension
     * @return the squeezed variable
     */
    public Variable squeeze(int axis) {
        return reshape(value.squeeze(axis).shape().toArray());
    }

    /**
     * Inserts a dimension of size 1 ({@link Reshape}).
     *
     * @param axis where it goes
     * @return the unsqueezed variable
     */
    public Variable unsqueeze(int axis) {
        return reshape(value.unsqueeze(axis).shape().toArray());
    }

    /**
     * Broadcasts to a larger shape ({@link Expand}); {@code -1} keeps a dimension.
     *
     * @param dims the target shape
     * @return the expanded variable
     */
    public Variable expand(int... dims) {
        return broadcastTo(value.expand(dims).shape());
    }

    /**
     * Broadcasts to a shape ({@link Expand}).
     *
     * @param target the shape
     * @return the broadcast variable
     */
    public Variable broadcastTo(Shape target) {
        return new Expand(target).apply(this);
    }

    /**
     * Sums down to a shape that broadcasts to this one — the inverse of broadcasting ({@link SumToShape}).
     *
     * @param target the smaller shape
     * @return the summed variable
     */
    public Variable sumToShape(Shape target) {
        if (target.equals(shape())) {
            return this;
        }
        return new SumToShape(target).apply(this);
    }

    /**
     * Takes every {@code step}-th index of {@code [from, to)} along one dimension ({@link Slice}).
     *
     * @param axis the dimension
     * @param from the first index
     * @param to the end, exclusive
     * @param step the stride
     * @return the slice
     */
    public Variable slice(int axis, int from, int to, int step) {
        return new Slice(axis, from, to, step).apply(this);
    }

    /**
     * Takes indices {@code [from, to)} along one dimension ({@link Slice}).
     *
     * @param axis the dimension
     * @param from the first index
     * @param to the end, exclusive
     * @return the slice
     */
    public Variable slice(int axis, int from, int to) {
        return slice(axis, from, to, 1);
    }

    /**
     * Picks one index along a dimension and removes that dimension ({@link Select}).
     *
     * @param axis the dimension
     * @param index the index
     * @return the selection
     */
    public Variable select(int axis, int index) {
        return new Select(axis, index).apply(this);
    }

    /**
     * Gathers rows (slices along dimension 0) by index ({@link IndexSelect}); an index may repeat.
     *
     * @param indices the row indices
     * @return the gathered rows
     */
    public Variable indexSelect(int[] indices) {
        return new IndexSelect(indices).apply(this);
    }

    /**
     * Joins variables along an existing dimension ({@link Concat}), like
     * {@code torch.cat(tensors, dim)}: the variables first, then the axis.
     *
     * @param parts the variables; all of the same rank with equal sizes except along {@code axis}
     * @param axis the dimension to join along (negative counts from the end)
     * @return the joined variable
     */
    public static Variable concat(List<Variable> parts, int axis) {
        return new Concat(axis).apply(checkedArray("concat", parts));
    }

    /**
     * Joins variables of equal shape along a new dimension (unsqueeze, then {@link Concat}), like
     * {@code torch.stack(tensors, dim)}: the variables first, then the axis.
     *
     * @param parts the variables, all of the same shape
     * @param axis where the new dimension goes (negative counts from the end of the result's shape)
     * @return the stacked variable
     */
    public static Variable stack(List<Variable> parts, int axis) {
        Variable[] array = checkedArray("stack", parts);
        if (array.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one variable");
        }
        List<Variable> expanded = new ArrayList<>(array.length);
        for (Variable part : array) {
            expanded.add(part.unsqueeze(axis));
        }
        return concat(expanded, axis < 0 ? axis + array[0].rank() + 1 : axis);
    }

    /** The list as an array, rejecting a null list or a null element by its position. */
    private static Variable[] checkedArray(String op, List<Variable> parts) {
        if (parts == null) {
            throw new IllegalArgumentException(op + ": the list of variables is null");
        }
        Variable[] array = parts.toArray(new Variable[0]);
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null) {
                throw new IllegalArgumentException(op + ": variable " + i + " of " + array.length + " is null");
            }
        }
        return array;
    }

    /**
     * Chooses element-wise: {@code ifTrue} where the mask is non-zero, {@code ifFalse} elsewhere
     * ({@link Where}). The mask is data, not differentiated.
     *
     * @param mask the condition
     * @param ifTrue values where it holds
     * @param ifFalse values where it does not
     * @return the chosen values
     */
    public static Variable where(Tensor mask, Variable ifTrue, Variable ifFalse) {
        return new Where(mask).apply(ifTrue, ifFalse);
    }

    /**
     * Puts {@code value} where the mask is non-zero and keeps this variable elsewhere, like PyTorch's
     * {@code x.masked_fill(mask, value)} — the causal mask of self-attention is
     * {@code scores.maskedFill(above the diagonal, -∞)}. It is {@link Where} with the value as a constant:
     * {@code y = mask ? value : x}, so {@code dL/dx = g ⊙ [mask = 0]} (zero at the filled positions).
     *
     * @param mask non-zero where {@code value} goes; data, not differentiated; it must broadcast to this
     *     variable's shape (the result has this variable's shape)
     * @param value the number put there, e.g. {@code Double.NEGATIVE_INFINITY}
     * @return the filled variable
     * @throws IllegalArgumentException naming both shapes if the mask does not broadcast to this shape
     */
    public Variable maskedFill(Tensor mask, double value) {
        if (!mask.shape().broadcastsTo(shape())) {
            throw new IllegalArgumentException("maskedFill: the mask of shape " + mask.shape()
                    + " must broadcast to the input's shape " + shape());
        }
        return where(mask, constant(value), this);
    }

    /**
     * Returns the sum of all elements ({@link Sum}).
     *
     * @return a scalar
     */
    public Variable sum() {
        return new Sum().apply(this);
    }

    /**
     * Returns sums along one dimension ({@link Sum}).
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return the sums
     */
    public Variable sum(int axis, boolean keepDims) {
        return new Sum(axis, keepDims).apply(this);
    }

    /**
     * Returns sums along one dimension, removing that dimension ({@link Sum}), like
     * {@code x.sum(dim)}: the same as {@code sum(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return the result, with one dimension fewer
     */
    public Variable sum(int axis) {
        return sum(axis, false);
    }

    /**
     * Returns the mean of all elements ({@link Mean}).
     *
     * @return a scalar
     */
    public Variable mean() {
        return new Mean().apply(this);
    }

    /**
     * Returns means along one dimension ({@link Mean}).
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return the means
     */
    public Variable mean(int axis, boolean keepDims) {
        return new Mean(axis, keepDims).apply(this);
    }

    /**
     * Returns means along one dimension, removing that dimension ({@link Mean}), like
     * {@code x.mean(dim)}: the same as {@code mean(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return the result, with one dimension fewer
     */
    public Variable mean(int axis) {
        return mean(axis, false);
    }

    /**
     * Returns the largest element ({@link Max}; ties share the gradient evenly).
     *
     * @return a scalar
     */
    public Variable max() {
        return new Max().apply(this);
    }

    /**
     * Returns maxima along one dimension ({@link Max}).
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return the maxima
     */
    public Variable max(int axis, boolean keepDims) {
        return new Max(axis, keepDims).apply(this);
    }

    /**
     * Returns maxima along one dimension, removing that dimension ({@link Max}), like
     * {@code x.amax(dim)}: the same as {@code max(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return the result, with one dimension fewer
     */
    public Variable max(int axis) {
        return max(axis, false);
    }

    /**
     * Returns the smallest element ({@link Min}; ties share the gradient evenly).
     *
     * @return a scalar
     */
    public Variable min() {
        return new Min().apply(this);
    }

    /**
     * Returns minima along one dimension ({@link Min}).
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return the minima
     */
    public Variable min(int axis, boolean keepDims) {
        return new Min(axis, keepDims).apply(this);
    }

    /**
     * Returns minima along one dimension, removing that dimension ({@link Min}), like
     * {@code x.amin(dim)}: the same as {@code min(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return the result, with one dimension fewer
     */
    public Variable min(int axis) {
        return min(axis, false);
    }

    /**
     * Returns 2-D max pooling with a {@code kernel × kernel} window moved by {@code kernel} (no overlap),
     * like PyTorch's {@code max_pool2d(x, kernel)} ({@link MaxPool2d}).
     *
     * @param kernel the window's side
     * @return {@code (N, C, H/k, W/k)} (rounded down) for an {@code (N, C, H, W)} input, or likewise
     *     without {@code N}
     * @throws IllegalArgumentException if the input is not of rank 3 or 4, or the window does not fit
     */
    public Variable maxPool2d(int kernel) {
        return maxPool2d(kernel, kernel, 0, 1);
    }

    /**
     * Returns 2-D max pooling, like PyTorch's {@code max_pool2d(x, kernel, stride, padding)}
     * ({@link MaxPool2d}): {@code y[n, c, i, j] = max_{a, b < k} x[n, c, i·s − p + a, j·s − p + b]},
     * the padding counting as −∞. A tie sends the whole gradient to the first maximum in row-major
     * window order, as PyTorch does (unlike {@link #max()}, which splits a tie evenly; both are
     * subgradients).
     *
     * @param kernel the window's side {@code k}
     * @param stride the step {@code s} between windows
     * @param padding the border {@code p}, at most {@code k/2}
     * @return the pooled variable; each spatial size is {@code floor((H + 2p − k) / s) + 1}
     * @throws IllegalArgumentException if the input is not of rank 3 or 4, or the geometry gives an
     *     empty output; the message names the input size, kernel, stride and padding
     */
    public Variable maxPool2d(int kernel, int stride, int padding) {
        return maxPool2d(kernel, stride, padding, 1);
    }

    /**
     * Returns 2-D max pooling with dilation, like PyTorch's {@code max_pool2d(x, kernel, stride,
     * padding, dilation)} ({@link MaxPool2d}): the window reads every {@code d}-th element,
     * {@code y[n, c, i, j] = max_{a, b < k} x[n, c, i·s − p + d·a, j·s − p + d·b]}.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step {@code s} between windows
     * @param padding the −∞ border {@code p}, at most {@code k/2}
     * @param dilation the spacing {@code d} of the window's elements (1: adjacent)
     * @return the pooled variable; each spatial size is {@code floor((H + 2p − d(k−1) − 1) / s) + 1}
     * @throws IllegalArgumentException if the input is not of rank 3 or 4, or the geometry gives an
     *     empty output; the message names the input size, kernel, stride, padding and dilation
     */
    public Variable maxPool2d(int kernel, int stride, int padding, int dilation) {
        return new MaxPool2d(kernel, stride, padding, dilation).apply(this);
    }

    /**
     * Returns 2-D average pooling with a {@code kernel × kernel} window moved by {@code kernel}, like
     * PyTorch's {@code avg_pool2d(x, kernel)} ({@link AvgPool2d}).
     *
     * @param kernel the window's side
     * @return {@code (N, C, H/k, W/k)} (rounded down) for an {@code (N, C, H, W)} input, or likewise
     *     without {@code N}
     * @throws IllegalArgumentException if the input is not of rank 3 or 4, or the window does not fit
     */
    public Variable avgPool2d(int kernel) {
        return avgPool2d(kernel, kernel, 0);
    }

    /**
     * Returns 2-D average pooling, like PyTorch's {@code avg_pool2d(x, kernel, stride, padding)} with
     * its default {@code count_include_pad = true} ({@link AvgPool2d}):
     * {@code y[n, c, i, j] = (1/k²) Σ_{a, b < k} x[n, c, i·s − p + a, j·s − p + b]}, the padding being
     * zeros that count in the {@code k²}.
     *
     * @param kernel the window's side {@code k}
     * @param stride the step {@code s} between windows
     * @param padding the zero border {@code p}, at most {@code k/2}
     * @return the pooled variable; each spatial size is {@code floor((H + 2p − k) / s) + 1}
     * @throws IllegalArgumentException if the input is not of rank 3 or 4, or the geometry gives an
     *     empty output; the message names the input size, kernel, stride and padding
     */
    public Variable avgPool2d(int kernel, int stride, int padding) {
        return new AvgPool2d(kernel, stride, padding).apply(this);
    }

    /**
     * Returns the population variance of all elements ({@link Variance}).
     *
     * @return a scalar
     */
    public Variable variance() {
        return new Variance().apply(this);
    }

    /**
     * Returns population variances along one dimension ({@link Variance}).
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return the variances
     */
    public Variable variance(int axis, boolean keepDims) {
        return new Variance(axis, keepDims).apply(this);
    }

    /**
     * Returns population variances along one dimension, removing that dimension ({@link Variance}), like
     * {@code x.var(dim, unbiased=False)}: the same as {@code variance(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return the result, with one dimension fewer
     */
    public Variable variance(int axis) {
        return variance(axis, false);
    }

    /**
     * Returns {@code log Σ e^x} over all elements, computed stably ({@link LogSumExp}).
     *
     * @return a scalar
     */
    public Variable logSumExp() {
        return flatten().logSumExp(0, false);
    }

    /**
     * Returns {@code log Σ e^x} along one dimension, computed stably ({@link LogSumExp}).
     *
     * @param axis the dimension
     * @param keepDims whether to keep it with size 1
     * @return the results
     */
    public Variable logSumExp(int axis, boolean keepDims) {
        return new LogSumExp(axis, keepDims).apply(this);
    }

    /**
     * Returns {@code log Σ e^x}, computed stably, along one dimension, removing that dimension ({@link LogSumExp}), like
     * {@code x.logsumexp(dim)}: the same as {@code logSumExp(axis, false)}.
     *
     * @param axis the dimension (negative counts from the end)
     * @return the result, with one dimension fewer
     */
    public Variable logSumExp(int axis) {
        return logSumExp(axis, false);
    }

    /**
     * Returns the softmax along one dimension ({@link Softmax}).
     *
     * @param axis the dimension whose entries sum to 1
     * @return the probabilities
     */
    public Variable softmax(int axis) {
        return new Softmax(axis).apply(this);
    }

    /**
     * Returns the log-softmax along one dimension, computed stably ({@link LogSoftmax}).
     *
     * @param axis the dimension
     * @return the log-probabilities
     */
    public Variable logSoftmax(int axis) {
        return new LogSoftmax(axis).apply(this);
    }

    // ---------------------------------------------------------------------------------------
    // Fused normalization, activation and attention ops (one pass forward, one backward)
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the layer normalization of this variable over its last {@code k} dimensions, {@code k}
     * being γ's rank: {@code (x − μ)/√(σ² + ε)·γ + β} per row, in one op
     * ({@link LayerNorm}); PyTorch's {@code F.layer_norm}.
     *
     * @param weight γ, of the shape of the last dimensions normalized over
     * @param bias β, the same shape
     * @param eps the ε added to the biased variance
     * @return the same shape as this variable
     * @throws IllegalArgumentException if the last dimensions are not γ's shape, or β's shape is not γ's
     */
    public Variable layerNorm(Variable weight, Variable bias, double eps) {
        return new LayerNorm(eps).apply(this, weight, bias);
    }

    /**
     * Returns the batch normalization of this variable with the batch's own statistics (training mode):
     * each channel {@code c} along {@code channelAxis} becomes {@code (x − μ_c)/√(σ²_c + ε)·γ_c + β_c},
     * μ_c and the biased σ²_c over every other dimension, in one op
     * ({@link BatchNorm}); {@code gradschool.nn.BatchNorm1d} and
     * {@code BatchNorm2d} apply that op themselves, to read its batch statistics for their running ones.
     *
     * @param channelAxis the dimension that holds the channels
     * @param weight γ, shape {@code (C,)}
     * @param bias β, shape {@code (C,)}
     * @param eps the ε added to the biased variance
     * @return the same shape as this variable
     * @throws IllegalArgumentException if the axis is not a dimension, or γ or β is not {@code (C,)}
     */
    public Variable batchNorm(int channelAxis, Variable weight, Variable bias, double eps) {
        return new BatchNorm(channelAxis, eps).apply(this, weight, bias);
    }

    /**
     * Returns the exact GELU {@code ½x(1 + erf(x/√2))} of every element, in one op
     * ({@link GELU}).
     *
     * @return the same shape
     */
    public Variable gelu() {
        return new GELU().apply(this);
    }

    /**
     * Returns the tanh approximation of the GELU, {@code ½x(1 + tanh(√(2/π)(x + 0.044715x³)))}, of every
     * element, in one op ({@link GELUTanh}).
     *
     * @return the same shape
     */
    public Variable geluTanh() {
        return new GELUTanh().apply(this);
    }

    /**
     * Returns causal scaled dot-product attention with this variable as the queries:
     * {@code (dropout(softmax(q·kᵀ/√hs with −∞ above the diagonal)))·v}, in one op
     * ({@link ScaledDotProductAttention}); PyTorch's
     * {@code F.scaled_dot_product_attention(q, k, v, dropout_p, is_causal=True)}.
     *
     * @param key k, the same shape {@code (B, nh, T, hs)} as this variable (q)
     * @param value v, the same shape
     * @param dropoutMask the mask multiplying the attention weights, {@code (B, nh, T, T)} of 0 and
     *     {@code 1/(1 − p)}, drawn by the caller; null for no dropout
     * @return shape {@code (B, nh, T, hs)}
     * @throws IllegalArgumentException if q, k and v differ in shape or are not of rank 4, or the mask is
     *     not {@code (B, nh, T, T)}
     */
    public Variable scaledDotProductAttention(Variable key, Variable value, Tensor dropoutMask) {
        return new ScaledDotProductAttention(dropoutMask).apply(this, key, value);
    }

    // ---------------------------------------------------------------------------------------
    // Printing
    // ---------------------------------------------------------------------------------------

    /**
     * Returns what a student hovering in a debugger wants: name, shape, how it was made, gradient
     * state, and the value when small, e.g.
     * {@code Variable W1 (3, 3) = leaf, requires grad, grad (3, 3)} or
     * {@code Variable (1, 2) = ReLU(Add), grad none, value [[5.4552 6.4972]]}. A value of up to ten
     * elements is shown on one line. A {@link #constant} shows as its value, {@code Variable () = const 2.0},
     * and so it appears among an op's inputs: {@code Variable () = Mul(x, const 2.0), ...}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(describeBriefly());
        text.append(" = ");
        if (constant) {
            text.append(rank() == 0 ? constantLabel() : "const");
        } else if (function == null) {
            text.append("leaf").append(requiresGrad ? ", requires grad" : "");
        } else {
            text.append(function).append('(');
            List<Variable> in = function.inputs();
            for (int i = 0; i < in.size(); i++) {
                text.append(i == 0 ? "" : ", ").append(in.get(i).label());
            }
            text.append(')');
        }
        if (requiresGrad) {
            text.append(", grad ").append(grad == null ? "none" : grad.shape().toString());
        }
        if (size() <= SMALL && !(constant && rank() == 0)) { // a scalar constant already shows its value
            // On one line, as the seed notebooks' printouts look, so a debugger's tooltip does not wrap:
            // [[1. 2.]\n [3. 4.]] becomes [[1. 2.] [3. 4.]].
            text.append(", value ").append(value.toString().replaceAll("\\s*\\n\\s*", " "));
        }
        return text.toString();
    }

    /** {@code Variable W1 (3, 3)}: the name (if any) and shape. */
    String describeBriefly() {
        return "Variable " + (name() != null ? name() + " " : "") + shape();
    }

    /**
     * The name, or the op that made it, or the constant ({@code const 2.0}, {@code const (3,)}), or
     * {@code leaf(3,)} — a short label for lists of inputs.
     */
    String label() {
        if (name() != null) {
            return name();
        }
        if (constant) {
            return constantLabel();
        }
        return function == null ? "leaf" + shape() : function.name();
    }

    /** {@code const 2.0} for a scalar constant (its value), {@code const (3,)} for a larger one (its shape). */
    String constantLabel() {
        return "const " + (rank() == 0 ? value.toString() : shape().toString());
    }
}
