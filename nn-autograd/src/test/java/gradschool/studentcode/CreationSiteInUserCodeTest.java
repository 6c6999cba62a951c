package gradschool.studentcode;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.CreationSite;
import gradschool.autograd.Variable;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Creation sites seen from user code: this test's package is not one of gradschool's library packages. */
class CreationSiteInUserCodeTest {

    /** The line number of the caller. */
    private static int callerLine() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    @Test
    void theCreationSiteNamesThisTestClassAndLine() {
        int line = callerLine(); Variable x = Variable.requiringGrad(1.0);
        Variable y = x.mul(2);

        CreationSite site = x.creationSite();
        assertThat(site.className()).isEqualTo(CreationSiteInUserCodeTest.class.getName());
        assertThat(site.methodName()).isEqualTo("theCreationSiteNamesThisTestClassAndLine");
        assertThat(site.fileName()).isEqualTo("CreationSiteInUserCodeTest.java");
        assertThat(site.lineNumber()).isEqualTo(line);
        assertThat(site.toString()).isEqualTo(
                "CreationSiteInUserCodeTest.theCreationSiteNamesThisTestClassAndLine(CreationSiteInUserCodeTest.java:"
                        + line + ")");
        assertThat(y.creationSite().lineNumber()).isEqualTo(line + 1);
    }

    @Test
    void theCreationSiteSkipsJdkFramesSuchAsAStreamPipeline() {
        Variable x = Variable.requiringGrad(1.0);
        int line = callerLine(); List<Variable> made = Stream.of(x, x).map(Variable::relu).toList();

        assertThat(made.get(0).creationSite().toString()).isEqualTo(
                "CreationSiteInUserCodeTest.theCreationSiteSkipsJdkFramesSuchAsAStreamPipeline(CreationSiteInUserCodeTest.java:"
                        + line + ")");
    }

    @Test
    void aGradientMadeWithItsGraphIsSitedInTheCodeThatCalledBackward() {
        Variable z = Variable.requiringGrad(2.0);
        z.mul(z).backwardCreatingGraph(gradschool.core.Tensor.of(1.0));

        assertThat(z.gradVariable().creationSite().className()).isEqualTo(CreationSiteInUserCodeTest.class.getName());
    }
}
