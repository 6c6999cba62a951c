package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import org.junit.jupiter.api.Test;

class LayerTest {

    /** A nested module, as a student would write one. */
    static final class Encoder extends Layer {
        final Linear fc1 = registerLayer("fc1", new Linear(4, 3));
        final Dropout drop = registerLayer("drop", new Dropout(0.5));
        final Linear fc2 = registerLayer("fc2", new Linear(3, 2));

        @Override
        public Variable forward(Variable x) {
            return fc2.forward(drop.forward(fc1.forward(x).relu()));
        }
    }

    static final class Model extends Layer {
        final Parameter scale = registerParameter("scale", new Parameter(Tensor.ones(2)));
        final Encoder encoder = registerLayer("encoder", new Encoder());

        @Override
        public Variable forward(Variable x) {
            return encoder.forward(x).mul(scale);
        }
    }

    @Test
    void namedParametersUseDottedPathsInRegistrationOrder() {
        Model model = new Model();
        assertThat(model.namedParameters().keySet()).containsExactly(
                "scale", "encoder.fc1.weight", "encoder.fc1.bias", "encoder.fc2.weight", "encoder.fc2.bias");
        assertThat(model.parameters()).hasSize(5);
        assertThat(model.parameters().get(1)).isSameAs(model.encoder.fc1.weight());
        assertThat(model.parameterCount()).isEqualTo(2 + 4 * 3 + 3 + 3 * 2 + 2);
        assertThat(model.children().keySet()).containsExactly("encoder");
    }

    @Test
    void parameterListsAreImmutableSnapshots() {
        Model model = new Model();
        Parameter extra = new Parameter(Tensor.ones(1));
        assertThatThrownBy(() -> model.parameters().add(extra)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.parameters().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.namedParameters().put("extra", extra))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.namedParameters().remove("scale"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(model.parameters()).hasSize(5).doesNotContain(extra);
    }

    @Test
    void sequentialNamesLayersByPosition() {
        Sequential model = new Sequential(new Linear(2, 3), new ReLU(), new Linear(3, 1));
        assertThat(model.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(model.size()).isEqualTo(3);
        assertThat(model.get(1)).isInstanceOf(ReLU.class);
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Model model = new Model();
        model.eval();
        assertThat(model.isTraining()).isFalse();
        assertThat(model.encoder.isTraining()).isFalse();
        assertThat(model.encoder.drop.isTraining()).isFalse();
        model.train();
        assertThat(model.encoder.drop.isTraining()).isTrue();
    }

    @Test
    void zeroGradClearsEveryParameter() {
        Model model = new Model();
        model.forward(Tensor.ones(5, 4)).sum().backward();
        assertThat(model.encoder.fc1.weight().grad()).isNotNull();
        model.zeroGrad();
        for (Parameter p : model.parameters()) {
            assertThat(p.grad()).isNull();
        }
    }

    @Test
    void toStringPrintsTheTreeWithShapesAndCounts() {
        Sequential model = new Sequential(new Linear(2, 16), new ReLU(), new Linear(16, 1));
        String text = model.toString();
        assertThat(text).isEqualTo(
                "Sequential\n"
                + "  (0) Linear(in=2, out=16)   weight (16, 2), bias (16,)   48\n"
                + "  (1) ReLU\n"
                + "  (2) Linear(in=16, out=1)   weight (1, 16), bias (1,)   17\n"
                + "Total: 65 parameters");
    }

    @Test
    void registrationRejectsDuplicateAndDottedNames() {
        assertThatThrownBy(() -> new Layer() {
            {
                registerLayer("a", new ReLU());
                registerLayer("a", new ReLU());
            }

            @Override
            public Variable forward(Variable input) {
                return input;
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' is already registered");
        assertThatThrownBy(() -> new Layer() {
            {
                registerParameter("a.b", new Parameter(Tensor.zeros(1)));
            }

            @Override
            public Variable forward(Variable input) {
                return input;
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no dots");
    }

    /** A layer with a buffer of its own and a child with buffers. */
    static final class Counting extends Layer {
        final Tensor seen = registerBuffer("seen", Tensor.zeros(1));
        final Parameter scale = registerParameter("scale", new Parameter(Tensor.ones(2)));
        final BatchNorm1d bn = registerLayer("bn", new BatchNorm1d(2));

        @Override
        public Variable forward(Variable x) {
            seen.addInPlace(Tensor.of(1.0));
            return bn.forward(x).mul(scale);
        }
    }

    @Test
    void buffersHaveDottedPathsAndAreNotParameters() {
        Counting model = new Counting();
        assertThat(model.namedBuffers().keySet()).containsExactly("seen", "bn.running_mean", "bn.running_var");
        assertThat(model.buffers()).hasSize(3).element(0).isSameAs(model.seen);
        assertThat(model.ownBuffers().keySet()).containsExactly("seen");
        assertThat(model.namedParameters().keySet()).containsExactly("scale", "bn.weight", "bn.bias");
        assertThat(model.parameterCount()).isEqualTo(6);
        model.forward(Tensor.of(new double[][] {{1, 2}, {3, 4}}));
        assertThat(model.namedBuffers().get("seen").item()).isEqualTo(1.0);
        assertThatThrownBy(() -> model.namedBuffers().remove("seen")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bufferNamesShareTheNamespaceOfParametersAndLayers() {
        assertThatThrownBy(() -> new Layer() {
            {
                registerParameter("a", new Parameter(Tensor.zeros(1)));
                registerBuffer("a", Tensor.zeros(1));
            }

            @Override
            public Variable forward(Variable input) {
                return input;
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' is already registered");
        assertThatThrownBy(() -> new Layer() {
            {
                registerBuffer("x.y", Tensor.zeros(1));
            }

            @Override
            public Variable forward(Variable input) {
                return input;
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no dots");
        assertThatThrownBy(() -> new Layer() {
            {
                registerBuffer("x", null);
            }

            @Override
            public Variable forward(Variable input) {
                return input;
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the buffer 'x' is null");
    }

    @Test
    void toStringListsBuffersAfterParameters() {
        assertThat(new Counting().toString()).isEqualTo(
                "Counting   scale (2,)   2   buffers seen (1,)\n"
                + "  (bn) BatchNorm1d(2, eps=1.0E-5, momentum=0.1)   weight (2,), bias (2,)   4"
                + "   buffers running_mean (2,), running_var (2,)\n"
                + "Total: 6 parameters, 5 numbers in buffers");
    }
}
