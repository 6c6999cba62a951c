package gradschool.optim;

import gradschool.autograd.Variable;
import gradschool.nn.Parameter;
import java.util.List;

/**
 * Updates parameters from their gradients: the last step of every training iteration.
 *
 * <pre>{@code
 * Optimizer optimizer = new SGD(model.parameters(), 0.1);
 * for (Batch batch : loader) {
 *     Variable loss = lossFunction.forward(model.forward(batch.inputs()), batch.targets());
 *     optimizer.zeroGrad();   // forget the previous step's gradients (backward adds into .grad)
 *     loss.backward();        // compute dL/dp for every parameter p
 *     optimizer.step();       // p ← p - (something computed from dL/dp)
 * }
 * }</pre>
 *
 * <p>The contract: {@link #step()} updates each parameter's value in place from its current
 * gradient (parameters whose gradient is null are skipped); {@link #zeroGrad()} clears the gradients;
 * the learning rate is readable and settable (schedules set it).
 */
public abstract class Optimizer {

    private final List<Parameter> parameters;
    private double learningRate;

    /**
     * Makes an optimizer for a list of parameters.
     *
     * @param parameters the parameters to update (usually {@code model.parameters()}): at least one,
     *     none null, none twice
     * @param learningRate the initial learning rate, {@code > 0}
     * @throws IllegalArgumentException if the list is null or empty (an optimizer with nothing to
     *     update is almost always a model that did not register its parameters), has a null element
     *     or a parameter twice, or the learning rate is not positive and finite
     */
    protected Optimizer(List<Parameter> parameters, double learningRate) {
        String name = getClass().getSimpleName();
        if (parameters == null) {
            throw new IllegalArgumentException(name + ": the parameter list is null");
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException(name + ": the parameter list is empty, so step() would "
                    + "change nothing — did the model forget registerParameter (or registerLayer for its "
                    + "layers)? model.parameters() lists only what was registered");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException(name + ": the learning rate must be positive and finite, got "
                    + learningRate);
        }
        java.util.Set<Parameter> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                throw new IllegalArgumentException(name + ": parameter " + i + " of " + parameters.size()
                        + " is null");
            }
            if (!seen.add(parameters.get(i))) {
                Parameter repeated = parameters.get(i);
                throw new IllegalArgumentException(name + ": parameter " + i
                        + (repeated.name() == null ? "" : " ('" + repeated.name() + "')")
                        + " appears twice in the list; it would be updated twice per step");
            }
        }
        this.parameters = List.copyOf(parameters);
        this.learningRate = learningRate;
    }

    /**
     * Updates every parameter that has a gradient, in place.
     */
    public abstract void step();

    /**
     * Forgets the gradient of every parameter: afterwards each {@code grad()} is null, not zeros (as
     * PyTorch's {@code zero_grad()}, which sets {@code .grad} to {@code None}), until the next
     * backward pass; {@link #step()} skips a parameter whose gradient is null. Read a gradient with
     * {@code gradOrZeros()} if you want zeros.
     */
    public void zeroGrad() {
        parameters.forEach(Variable::zeroGrad);
    }

    /**
     * Returns the parameters this optimizer updates.
     *
     * @return an unmodifiable list
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Returns the current learning rate.
     *
     * @return the learning rate
     */
    public double learningRate() {
        return learningRate;
    }

    /**
     * Sets the learning rate used by the next steps.
     *
     * @param newLearningRate the learning rate, {@code > 0}
     */
    public void setLearningRate(double newLearningRate) {
        if (!(newLearningRate > 0) || !Double.isFinite(newLearningRate)) {
            throw new IllegalArgumentException(getClass().getSimpleName()
                    + ": the learning rate must be positive and finite, got " + newLearningRate);
        }
        this.learningRate = newLearningRate;
    }
}
