package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GraphExport: DOT and text pictures of a graph, compared with golden files. */
class GraphExportTest {

    /** The seed notebook's single neuron {@code out = relu(w·x + b)} (z = 2.3), after a backward pass. */
    private static Variable neuron() {
        Variable x = Variable.of(Tensor.of(new double[] {1, 2, 3})).named("x");
        Variable w = Variable.requiringGrad(Tensor.of(new double[] {0.2, 0.8, -0.5})).named("w");
        Variable b = Variable.requiringGrad(2.0).named("b");
        Variable z = w.matmul(x).add(b).named("z").retainGrad(); // show dL/dz too
        Variable out = z.relu().named("out");
        out.backward();
        return out;
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = GraphExportTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("golden file %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void dotOfTheNeuronMatchesTheGoldenFile() throws IOException {
        assertThat(GraphExport.toDot(neuron())).isEqualTo(golden("neuron.dot"));
    }

    @Test
    void textOfTheNeuronMatchesTheGoldenFile() throws IOException {
        assertThat(GraphExport.toText(neuron())).isEqualTo(golden("neuron.txt"));
    }

    @Test
    void exportIsDeterministic() {
        assertThat(GraphExport.toDot(neuron())).isEqualTo(GraphExport.toDot(neuron()));
        assertThat(GraphExport.toText(neuron())).isEqualTo(GraphExport.toText(neuron()));
    }

    @Test
    void aSharedNodeIsPrintedOnceAndThenReferred() {
        Variable a = Variable.requiringGrad(3.0).named("a");
        Variable square = a.mul(a).named("square");
        Variable y = square.add(square).named("y");

        String text = GraphExport.toText(y);

        assertThat(text).isEqualTo(""
                + "[0] y () = Add, value 18.0\n"
                + "├── [1] square () = Mul, value 9.0\n"
                + "│   ├── [2] a () leaf, value 3.0\n"
                + "│   └── [2] a (see above)\n"
                + "└── [1] square (see above)\n");
        String dot = GraphExport.toDot(y);
        assertThat(dot).containsOnlyOnce("v0 [shape=record, label=\"{a | () | data 3.0 | grad none}\"];");
        assertThat(dot).contains("v0 -> op1 [label=\"0\"];", "v0 -> op1 [label=\"1\"];",
                "v1 -> op2 [label=\"0\"];", "v1 -> op2 [label=\"1\"];", "op2 -> v2;");
    }

    @Test
    void aScalarConstantIsDrawnAsItsValueAndALargerOneAsConst() {
        Variable x = Variable.requiringGrad(3.0).named("x");
        Variable scaled = x.mul(2.0).named("y");                    // the 2.0 is wrapped as a constant
        Variable shifted = scaled.add(Variable.constant(Tensor.of(new double[] {1, 2, 3}))).named("z");

        assertThat(GraphExport.toText(shifted)).isEqualTo(""
                + "[0] z (3,) = Add, value [7. 8. 9.]\n"
                + "├── [1] y () = Mul, value 6.0\n"
                + "│   ├── [2] x () leaf, value 3.0\n"
                + "│   └── [3] const 2.0\n"
                + "└── [4] (3,) const, value [1. 2. 3.]\n");
        String dot = GraphExport.toDot(shifted);
        assertThat(dot).contains("v1 [shape=record, label=\"{const 2.0}\"];",
                "v3 [shape=record, label=\"{const | (3,) | data [1. 2. 3.]}\"];");
    }

    @Test
    void aNamedConstantKeepsItsName() {
        Variable x = Variable.requiringGrad(3.0).named("x");
        Variable half = Variable.constant(0.5).named("half");
        Variable y = x.mul(half).add(half).named("y");

        assertThat(GraphExport.toText(y)).contains("[3] half const 0.5\n", "[3] half (see above)\n");
        assertThat(GraphExport.toDot(y)).contains("label=\"{half | const 0.5}\"");
    }

    @Test
    void largeTensorsShowOnlyTheirShapeAndSpecialCharactersAreEscaped() {
        Variable big = Variable.requiringGrad(Tensor.zeros(3, 3)).named("W{1}|<in>");
        String dot = GraphExport.toDot(big.sum());

        assertThat(dot).contains("v0 [shape=record, label=\"{W\\{1\\}\\|\\<in\\> | (3, 3)}\"];");
        assertThat(dot).contains("v1 [shape=record, label=\"{() | data 0.0}\"];");
        assertThat(dot).contains("op1 [shape=ellipse, label=\"Sum\"];", "v0 -> op1;");
    }

    @Test
    void aVeryDeepChainDoesNotOverflowTheStack() {
        Variable y = Variable.requiringGrad(0.0);
        Variable one = Variable.of(1.0);
        for (int i = 0; i < 20_000; i++) {
            y = y.add(one);
        }
        String dot = GraphExport.toDot(y);
        assertThat(dot).contains("op20001 -> v20001;");
    }

    @Test
    void writeDotWritesTheSameText(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("neuron.dot");
        GraphExport.writeDot(neuron(), file);

        assertThat(Files.readString(file)).isEqualTo(GraphExport.toDot(neuron()));
    }

    @Test
    void renderingDrawsWhenGraphvizIsInstalledAndSaysSoWhenNot(@TempDir Path directory) throws IOException {
        Path png = directory.resolve("neuron.png");
        Path svg = directory.resolve("neuron.svg");

        boolean drewPng = GraphExport.renderPng(neuron(), png);
        boolean drewSvg = GraphExport.renderSvg(neuron(), svg);

        assertThat(drewPng).isEqualTo(GraphExport.isGraphvizInstalled());
        assertThat(drewSvg).isEqualTo(GraphExport.isGraphvizInstalled());
        assertThat(Files.exists(png)).isEqualTo(drewPng);
        if (drewSvg) {
            assertThat(Files.readString(svg)).contains("<svg", "MatMul", "ReLU");
        } else {
            assertThat(Files.exists(svg)).isFalse();
        }
    }
}
