package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.core.Tensor;
import gradschool.studentcode.StudentProgram;
import org.junit.jupiter.api.Test;

/** CreationSite's frame filter: library code is decided by package, not by the jar a class came from. */
class CreationSiteTest {

    @Test
    void gradschoolsLibraryPackagesAndTheirSubpackagesAreLibraryCode() {
        assertThat(CreationSite.isLibraryPackage("gradschool.core")).isTrue();
        assertThat(CreationSite.isLibraryPackage("gradschool.autograd")).isTrue();
        assertThat(CreationSite.isLibraryPackage("gradschool.autograd.functions")).isTrue();
        assertThat(CreationSite.isLibraryPackage("gradschool.nn")).isTrue();
        assertThat(CreationSite.isLibraryPackage("gradschool.optim")).isTrue();
        assertThat(CreationSite.isLibraryPackage("gradschool.data")).isTrue();
        assertThat(CreationSite.isLibraryPackage("gradschool.core.kernels")).isTrue();
    }

    @Test
    void theLessonsAndEveryOtherPackageAreUserCode() {
        assertThat(CreationSite.isLibraryPackage("gradschool.examples")).isFalse();
        assertThat(CreationSite.isLibraryPackage("gradschool.examples.autograd")).isFalse();
        assertThat(CreationSite.isLibraryPackage("gradschool.bench")).isFalse();
        assertThat(CreationSite.isLibraryPackage("gradschool")).isFalse();
        assertThat(CreationSite.isLibraryPackage("gradschool.nnx")).isFalse(); // a prefix of the name is not enough
        assertThat(CreationSite.isLibraryPackage("com.example.mlp")).isFalse();
        assertThat(CreationSite.isLibraryPackage("")).isFalse();                // the unnamed package
    }

    @Test
    void jdkClassesAreSkippedAndUserClassesAreNot() {
        assertThat(CreationSite.isLibrary(String.class)).isTrue();
        assertThat(CreationSite.isLibrary(java.util.stream.Stream.class)).isTrue();
        assertThat(CreationSite.isLibrary(Tensor.class)).isTrue();
        assertThat(CreationSite.isLibrary(StudentProgram.class)).isFalse();
    }

    /**
     * This test class is in {@code gradschool.autograd} but loaded from the test classes, not from where
     * nn-autograd's classes are: it is library code all the same, as the library's classes are when the
     * examples jar packs them next to the lessons. So the site is the user code that called in.
     */
    @Test
    void aClassInALibraryPackageIsSkippedWhereverItIsLoadedFrom() {
        Variable made;
        try (CreationSite.Recording sites = CreationSite.recording()) {
            made = StudentProgram.callInto(() -> Variable.requiringGrad(1.0).mul(2.0));
        }

        assertThat(made.creationSite()).isNotNull();
        assertThat(made.creationSite().className()).isEqualTo(StudentProgram.class.getName());
        assertThat(made.creationSite().methodName()).isEqualTo("callInto");
    }
}
