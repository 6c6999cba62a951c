package gradschool.core;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.kernels.ElementwiseKernels;
import gradschool.core.kernels.LaneReducer;
import gradschool.core.kernels.MatMulKernels;
import gradschool.core.kernels.StridedLoops;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package layout a student navigates: the tensor API in {@code gradschool.core}, the file formats
 * in {@code gradschool.core.io}, and the kernels in {@code gradschool.core.kernels}, which the module
 * does not export and which work on plain arrays, never on a {@link Tensor}.
 */
class PackageLayoutTest {

    private static ModuleDescriptor coreModule() throws Exception {
        Path classes = Path.of(Tensor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void theModuleExportsTheApiAndTheFileFormatsButNotTheKernels() throws Exception {
        ModuleDescriptor module = coreModule();

        Set<String> exported = module.exports().stream()
                .filter(export -> !export.isQualified())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());

        assertThat(module.name()).isEqualTo("gradschool.core");
        assertThat(exported).containsExactlyInAnyOrder("gradschool.core", "gradschool.core.io");
        assertThat(MatMulKernels.class.getPackageName()).isEqualTo("gradschool.core.kernels");
    }

    @Test
    void kernelsTakePlainArraysNotTensors() {
        for (Class<?> kernel : List.of(MatMulKernels.class, ElementwiseKernels.class, StridedLoops.class,
                LaneReducer.class)) {
            for (Method method : kernel.getDeclaredMethods()) {
                List<Class<?>> types = new ArrayList<>(Arrays.asList(method.getParameterTypes()));
                types.add(method.getReturnType());
                assertThat(types).as("%s.%s", kernel.getSimpleName(), method.getName())
                        .doesNotContain(Tensor.class, Shape.class);
            }
        }
    }

    @Test
    void tensorKeepsItsLayoutPrivate() {
        for (Field field : Tensor.class.getDeclaredFields()) {
            assertThat(Modifier.isPrivate(field.getModifiers())).as(field.getName()).isTrue();
        }
    }
}
