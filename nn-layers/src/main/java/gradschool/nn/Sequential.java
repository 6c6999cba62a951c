package gradschool.nn;

import gradschool.autograd.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Layers applied one after another: the output of each is the input of the next.
 *
 * <pre>{@code
 * Sequential model = new Sequential(
 *         new Linear(784, 128), new ReLU(),
 *         new Linear(128, 10));
 * model.namedParameters().keySet();   // [0.weight, 0.bias, 2.weight, 2.bias]
 * }</pre>
 *
 * <p>The layers are registered under their positions, {@code "0"}, {@code "1"}, …
 */
public class Sequential extends Layer {

    private final List<Layer> layers = new ArrayList<>();

    /**
     * Makes a sequence of layers.
     *
     * @param layers the layers, in order
     */
    public Sequential(Layer... layers) {
        for (Layer layer : layers) {
            add(layer);
        }
    }

    /**
     * Appends a layer.
     *
     * @param layer the layer
     * @return this sequence
     */
    public Sequential add(Layer layer) {
        layers.add(registerLayer(Integer.toString(layers.size()), layer));
        return this;
    }

    /**
     * Returns layer {@code i}.
     *
     * @param i the position
     * @return the layer
     */
    public Layer get(int i) {
        return layers.get(i);
    }

    /**
     * Returns the number of layers.
     *
     * @return the count
     */
    public int size() {
        return layers.size();
    }

    /**
     * Applies each layer in turn.
     *
     * @param input the input of the first layer
     * @return the output of the last
     */
    @Override
    public Variable forward(Variable input) {
        Variable x = input;
        for (Layer layer : layers) {
            x = layer.forward(x);
        }
        return x;
    }
}
