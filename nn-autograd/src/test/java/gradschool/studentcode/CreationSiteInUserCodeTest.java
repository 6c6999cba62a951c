package gradschool.studentcode;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.AnomalyMode;
import gradschool.autograd.CreationSite;
import gradschool.autograd.Variable;
import gradschool.core.Tensor;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Creation sites seen from user code (this test's package is not one of gradschool's library packages):
 * recorded only on request — inside {@link CreationSite#recording()} or anomaly mode — and an error in
 * a forward pass names this file's line without any recording.
 */
class CreationSiteInUserCodeTest {

    /** The line number of the caller. */
    private static int callerLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    /**
     * Outside any scope nothing is recorded — and no stack walked: from user code a walk would have
     * found this method's frame, so a null site means no walk was made.
     */
    @Test
    void aValueMadeOutsideAnyScopeHasNoSite() {
        Variable x = Variable.requiringGrad(1.0);
        Variable y = x.mul(2).relu();
        y.backward();

        assertThat(CreationSite.isRecording()).isFalse();
        assertThat(x.creationSite()).isNull();
        assertThat(y.creationSite()).isNull();
        assertThat(x.gradVariable().creationSite()).isNull();
    }

    @Test
    void insideRecordingTheSiteNamesThisTestClassAndLine() {
        Variable x;
        Variable y;
        int line;
        try (CreationSite.Recording sites = CreationSite.recording()) {
            line = callerLine(); x = Variable.requiringGrad(1.0);
            y = x.mul(2);
        }

        CreationSite site = x.creationSite();
        assertThat(site.className()).isEqualTo(CreationSiteInUserCodeTest.class.getName());
        assertThat(site.methodName()).isEqualTo("insideRecordingTheSiteNamesThisTestClassAndLine");
        assertThat(site.fileName()).isEqualTo("CreationSiteInUserCodeTest.java");
        assertThat(site.lineNumber()).isEqualTo(line);
        assertThat(site.toString()).isEqualTo(
                "CreationSiteInUserCodeTest.insideRecordingTheSiteNamesThisTestClassAndLine(CreationSiteInUserCodeTest.java:"
                        + line + ")");
        assertThat(y.creationSite().lineNumber()).isEqualTo(line + 1);
    }

    @Test
    void aRecordedSiteIsReadFromItsFrameWhenAskedAndEqualsTheSiteBuiltFromItsParts() {
        Variable x;
        int line;
        try (CreationSite.Recording sites = CreationSite.recording()) {
            line = callerLine(); x = Variable.requiringGrad(1.0);
        }
        CreationSite built = new CreationSite(CreationSiteInUserCodeTest.class.getName(),
                "aRecordedSiteIsReadFromItsFrameWhenAskedAndEqualsTheSiteBuiltFromItsParts",
                "CreationSiteInUserCodeTest.java", line);

        assertThat(x.creationSite()).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(x.creationSite()).isNotEqualTo(new CreationSite(built.className(), built.methodName(),
                built.fileName(), line + 1));
    }

    @Test
    void inAnomalyModeTheSiteNamesThisLine() {
        Variable x = Variable.requiringGrad(1.0);
        Variable y;
        int line;
        try (AnomalyMode.Scope detect = AnomalyMode.on()) {
            line = callerLine(); y = x.exp();
        }

        assertThat(y.creationSite().toString())
                .isEqualTo("CreationSiteInUserCodeTest.inAnomalyModeTheSiteNamesThisLine(CreationSiteInUserCodeTest.java:"
                        + line + ")");
        assertThat(x.exp().creationSite()).isNull(); // the scope is closed
    }

    @Test
    void theSiteSkipsJdkFramesSuchAsAStreamPipeline() {
        Variable x = Variable.requiringGrad(1.0);
        List<Variable> made;
        int line;
        try (CreationSite.Recording sites = CreationSite.recording()) {
            line = callerLine(); made = Stream.of(x, x).map(Variable::relu).toList();
        }

        assertThat(made.get(0).creationSite().toString()).isEqualTo(
                "CreationSiteInUserCodeTest.theSiteSkipsJdkFramesSuchAsAStreamPipeline(CreationSiteInUserCodeTest.java:"
                        + line + ")");
    }

    @Test
    void aShapeErrorInTheForwardPassNamesTheCallingLineWithoutRecording() {
        Variable a = Variable.requiringGrad(Tensor.zeros(2, 3));
        Variable b = Variable.of(Tensor.zeros(2, 3));

        IllegalArgumentException error = null;
        int line = -1;
        try {
            line = callerLine(); a.matmul(b);
        } catch (IllegalArgumentException e) {
            error = e;
        }

        assertThat(CreationSite.isRecording()).isFalse();
        assertThat(error).isNotNull();
        assertThat(error.getMessage())
                .startsWith("matmul: cannot multiply (2, 3) by (2, 3)")
                .endsWith(" (in MatMul, applied at CreationSiteInUserCodeTest."
                        + "aShapeErrorInTheForwardPassNamesTheCallingLineWithoutRecording(CreationSiteInUserCodeTest.java:"
                        + line + "))");
        assertThat(error.getCause()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("matmul: cannot multiply (2, 3) by (2, 3)");
    }

    @Test
    void scopesNestAndClosingOneRestoresThePreviousState() {
        assertThat(CreationSite.isRecording()).isFalse();
        try (CreationSite.Recording outer = CreationSite.recording()) {
            try (CreationSite.Recording inner = CreationSite.recording()) {
                assertThat(Variable.of(1.0).creationSite()).isNotNull();
            }
            assertThat(CreationSite.isRecording()).isTrue(); // the inner scope restored "on", not "off"
            assertThat(Variable.of(1.0).creationSite()).isNotNull();
        }
        assertThat(CreationSite.isRecording()).isFalse();
        assertThat(Variable.of(1.0).creationSite()).isNull();

        try (AnomalyMode.Scope detect = AnomalyMode.on()) {
            try (CreationSite.Recording sites = CreationSite.recording()) {
                assertThat(CreationSite.isRecording()).isTrue();
            }
            assertThat(CreationSite.isRecording()).isTrue(); // anomaly mode still records
        }
        assertThat(CreationSite.isRecording()).isFalse();
    }

    @Test
    void recordingIsPerThread() throws InterruptedException {
        AtomicReference<CreationSite> madeElsewhere = new AtomicReference<>();
        AtomicReference<Boolean> recordingElsewhere = new AtomicReference<>();
        try (CreationSite.Recording sites = CreationSite.recording()) {
            Thread other = new Thread(() -> {
                recordingElsewhere.set(CreationSite.isRecording());
                madeElsewhere.set(Variable.of(1.0).creationSite());
            });
            other.start();
            other.join();
        }
        assertThat(recordingElsewhere.get()).isFalse();
        assertThat(madeElsewhere.get()).isNull();

        Thread recorder = new Thread(() -> {
            CreationSite.Recording left = CreationSite.recording(); // never closed: only that thread records
            assertThat(left).isNotNull();
        });
        recorder.start();
        recorder.join();
        assertThat(CreationSite.isRecording()).isFalse();
    }

    @Test
    void aGradientMadeWithItsGraphInsideRecordingIsSitedInTheCodeThatCalledBackward() {
        Variable z = Variable.requiringGrad(2.0);
        int line;
        try (CreationSite.Recording sites = CreationSite.recording()) {
            line = callerLine(); z.mul(z).backwardCreatingGraph(Tensor.of(1.0));
        }

        assertThat(z.gradVariable().creationSite().className()).isEqualTo(CreationSiteInUserCodeTest.class.getName());
        assertThat(z.gradVariable().creationSite().lineNumber()).isEqualTo(line);
    }
}
