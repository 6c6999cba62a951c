package gradschool.nn;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;

/**
 * A learnable tensor owned by a {@link Layer}: a leaf {@link Variable} that requires a gradient.
 *
 * <pre>{@code
 * Parameter weight = new Parameter(Tensor.zeros(3, 2));
 * weight.value();   // the numbers the optimizer updates in place
 * weight.grad();    // dL/dweight after loss.backward()
 * }</pre>
 */
public class Parameter extends Variable {

    /**
     * Makes a parameter holding {@code value} (not copied: the optimizer updates this tensor in place).
     *
     * @param value the initial value
     */
    public Parameter(Tensor value) {
        super(value, true);
    }

    /**
     * Gives the parameter a name, shown in printouts and graph drawings.
     *
     * @param newName the name
     * @return this parameter
     */
    @Override
    public Parameter named(String newName) {
        super.named(newName);
        return this;
    }
}
