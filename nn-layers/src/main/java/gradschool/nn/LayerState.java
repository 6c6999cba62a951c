package gradschool.nn;

import gradschool.core.Tensor;
import gradschool.core.io.Npz;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves a layer's named parameters and buffers to a {@code .npz} file and loads them back.
 *
 * <pre>{@code
 * LayerState.save(model, Path.of("mnist-mlp.npz"));    // numpy: np.load("mnist-mlp.npz")["0.weight"]
 * LayerState.load(freshModel, Path.of("mnist-mlp.npz"));
 * }</pre>
 *
 * <p>The file holds one float64 array per parameter, named by its dotted path
 * ({@link Layer#namedParameters()}), then one per buffer ({@link Layer#namedBuffers()}, e.g.
 * {@code "1.running_mean"} of a {@link BatchNorm1d}) — the names PyTorch's {@code state_dict} uses
 * (gradschool keeps no {@code num_batches_tracked}). Saving is atomic: the archive is written to a temporary file
 * beside the target and then moved into place, so a crash never leaves a half-written model; the
 * next save of the same file removes a temporary file that a killed save left behind. A replaced
 * file keeps its permissions, and a symbolic link stays a link whose target gets the new content.
 * Loading checks every name and shape first and, if anything differs, throws an exception listing
 * all the differences without changing the layer.
 */
public final class LayerState {

    private LayerState() {
    }

    /**
     * Writes every named parameter and buffer of the layer to a {@code .npz} file, atomically.
     *
     * @param layer the layer
     * @param file the file to write (replaced if it exists)
     * @throws IOException if the file cannot be written
     */
    public static void save(Layer layer, Path file) throws IOException {
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        layer.namedParameters().forEach((name, parameter) -> arrays.put(name, parameter.value()));
        arrays.putAll(layer.namedBuffers());
        Npz.write(file, arrays);
    }

    /**
     * Reads a {@code .npz} file written by {@link #save} and copies its arrays into the layer's
     * parameters and buffers — only if every name and shape matches.
     *
     * @param layer the layer to fill
     * @param file the file to read
     * @throws gradschool.core.io.NpyFormatException if the file is not a valid {@code .npz} of arrays
     *     (corrupt, truncated, a member that fails its checksum...); the message starts with the file
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException listing every missing, unexpected or mis-shaped parameter or
     *     buffer (a buffer is marked {@code (buffer)}); the layer is then unchanged
     */
    public static void load(Layer layer, Path file) throws IOException {
        Map<String, Tensor> arrays = Npz.read(file);
        Map<String, Tensor> targets = new LinkedHashMap<>();
        layer.namedParameters().forEach((name, parameter) -> targets.put(name, parameter.value()));
        Map<String, Tensor> buffers = layer.namedBuffers();
        targets.putAll(buffers);
        List<String> problems = new ArrayList<>();
        targets.forEach((name, target) -> {
            Tensor stored = arrays.get(name);
            String kind = buffers.containsKey(name) ? " (buffer)" : "";
            if (stored == null) {
                problems.add("missing from the file: " + name + " " + target.shape() + kind);
            } else if (!stored.shape().equals(target.shape())) {
                problems.add("shape differs for " + name + kind + ": the layer has " + target.shape()
                        + ", the file has " + stored.shape());
            }
        });
        arrays.forEach((name, stored) -> {
            if (!targets.containsKey(name)) {
                problems.add("not in the layer: " + name + " " + stored.shape());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("load: " + file + " does not match " + layer.getClass().getSimpleName()
                    + " (nothing was changed):\n  " + String.join("\n  ", problems));
        }
        targets.forEach((name, target) -> target.copyFrom(arrays.get(name)));
    }
}
