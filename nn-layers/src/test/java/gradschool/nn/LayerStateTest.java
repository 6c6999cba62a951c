package gradschool.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gradschool.core.Shape;
import gradschool.core.Tensor;
import gradschool.core.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStateTest {

    @TempDir
    Path dir;

    private static Sequential model(long seed) {
        Random random = new Random(seed);
        return new Sequential(new Linear(3, 4, random), new ReLU(), new Linear(4, 2, random));
    }

    @Test
    void saveThenLoadIsExact() throws IOException {
        Sequential saved = model(1);
        Path file = dir.resolve("model.npz");
        LayerState.save(saved, file);
        Sequential loaded = model(2);
        assertThat(loaded.parameters().get(0).value()).isNotEqualTo(saved.parameters().get(0).value());
        LayerState.load(loaded, file);
        for (int i = 0; i < saved.parameters().size(); i++) {
            assertThat(loaded.parameters().get(i).value()).isEqualTo(saved.parameters().get(i).value());
        }
        assertThat(Files.list(dir)).containsExactly(file); // no temporary file left behind
    }

    @Test
    void mismatchListsEveryDifferenceAndChangesNothing() throws IOException {
        Path file = dir.resolve("model.npz");
        LayerState.save(model(1), file);
        Sequential other = new Sequential(new Linear(3, 5), new ReLU(), new Linear(5, 2), new Linear(2, 2));
        Tensor before = other.parameters().get(0).value().copy();
        assertThatThrownBy(() -> LayerState.load(other, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("shape differs for 0.weight: the layer has (5, 3), the file has (4, 3)")
                .hasMessageContaining("shape differs for 2.weight")
                .hasMessageContaining("missing from the file: 3.weight (2, 2)")
                .hasMessageContaining("missing from the file: 3.bias (2,)");
        assertThat(other.parameters().get(0).value()).isEqualTo(before);
    }

    @Test
    void truncatedFileGivesAClearErrorAndChangesNothing() throws IOException {
        Path file = dir.resolve("model.npz");
        LayerState.save(model(1), file);
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = dir.resolve("truncated.npz");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Sequential target = model(3);
        Tensor before = target.parameters().get(0).value().copy();
        assertThatThrownBy(() -> LayerState.load(target, truncated))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("truncated.npz");
        assertThat(target.parameters().get(0).value()).isEqualTo(before);
    }

    private static Sequential normalized(long seed) {
        Random random = new Random(seed);
        return new Sequential(new Linear(3, 4, random), new BatchNorm1d(4), new ReLU(), new Linear(4, 2, random));
    }

    @Test
    void buffersAreSavedUnderTheirDottedPathsAndLoadedBack() throws IOException {
        Sequential saved = normalized(1);
        saved.forward(Tensor.randn(Shape.of(5, 3), 2));   // moves the running statistics away from 0 and 1
        saved.forward(Tensor.randn(Shape.of(5, 3), 3));
        Path file = dir.resolve("model.npz");
        LayerState.save(saved, file);
        assertThat(Npz.read(file).keySet()).containsExactlyInAnyOrder("0.weight", "0.bias", "1.weight", "1.bias",
                "3.weight", "3.bias", "1.running_mean", "1.running_var");

        Sequential loaded = normalized(4);
        BatchNorm1d bn = (BatchNorm1d) loaded.get(1);
        Tensor runningMean = bn.runningMean();
        LayerState.load(loaded, file);
        assertThat(bn.runningMean()).isSameAs(runningMean);   // filled in place
        saved.namedBuffers().forEach((name, buffer) -> assertThat(loaded.namedBuffers().get(name)).isEqualTo(buffer));
        saved.eval();
        loaded.eval();
        Tensor x = Tensor.randn(Shape.of(2, 3), 5);
        assertThat(loaded.forward(x).value()).isEqualTo(saved.forward(x).value());
    }

    @Test
    void aFileWithoutTheBuffersFailsNamingThemAndChangesNothing() throws IOException {
        Path file = dir.resolve("old.npz");
        Map<String, Tensor> parametersOnly = new LinkedHashMap<>();
        normalized(1).namedParameters().forEach((name, parameter) -> parametersOnly.put(name, parameter.value()));
        Npz.write(file, parametersOnly);   // as a model saved before buffers existed
        Sequential target = normalized(2);
        Tensor before = target.parameters().get(0).value().copy();
        assertThatThrownBy(() -> LayerState.load(target, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing was changed")
                .hasMessageContaining("missing from the file: 1.running_mean (4,) (buffer)")
                .hasMessageContaining("missing from the file: 1.running_var (4,) (buffer)");
        assertThat(target.parameters().get(0).value()).isEqualTo(before);
    }

    @Test
    void aBufferOfTheWrongShapeIsNamed() throws IOException {
        Path file = dir.resolve("model.npz");
        LayerState.save(normalized(1), file);
        Sequential wider = new Sequential(new Linear(3, 4), new BatchNorm1d(5), new ReLU(), new Linear(4, 2));
        assertThatThrownBy(() -> LayerState.load(wider, file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape differs for 1.running_var (buffer): the layer has (5,), the file has (4,)");
    }
}
