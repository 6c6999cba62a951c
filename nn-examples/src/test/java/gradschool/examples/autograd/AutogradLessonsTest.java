package gradschool.examples.autograd;

import static gradschool.examples.LessonRun.printedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gradschool.autograd.GradCheck;
import gradschool.autograd.GraphExport;
import gradschool.core.Tensor;
import gradschool.examples.AutogradLessons;
import gradschool.examples.Lesson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The autograd lessons print the numbers their javadoc and the docs promise. */
class AutogradLessonsTest {

    @TempDir
    Path output;

    @Test
    void registeredInOrder() {
        assertThat(AutogradLessons.all()).extracting(Lesson::name)
                .containsExactly("micrograd", "explain-backward", "custom-op", "second-order");
    }

    @Test
    void micrograd() throws Exception {
        String text = printedBy(new Micrograd(), output);
        assertThat(text).contains("y = h + q + q*x   = -20.0")
                .contains("dy/dx = 46.0")
                .contains("dy/dz = -8.0")
                .contains("dy/dq = -3.0")
                .contains("Variable y () = Add(Add, Mul), grad none, value -20.0")
                .contains("[0] y () = Add, value -20.0\n")
                .contains("[7] x () leaf, value -4.0, grad 46.0\n")
                .contains("[8] const 2.0\n")                     // the 2 of 2x: a constant, shown by its value
                .contains("[4] z (see above)")
                .contains("  g     = 24.7041   (the README: 24.7041)\n",
                        "  dg/da = 138.8338   (the README: 138.8338)\n",
                        "  dg/db = 645.5773   (the README: 645.5773)\n")
                .doesNotContain("micrograd's README says 46");   // 46 comes from its test_engine.py
        Path dot = output.resolve(Micrograd.DOT_FILE);
        assertThat(dot).exists();
        assertThat(Files.readString(dot)).startsWith("digraph autograd {");
        if (GraphExport.isGraphvizInstalled()) {
            assertThat(output.resolve(Micrograd.PNG_FILE)).exists();
            assertThat(text).contains("Graphviz is installed: drew it as");
        } else {
            assertThat(text).contains("dot -Tpng " + dot + " -o " + output.resolve(Micrograd.PNG_FILE));
        }
    }

    @Test
    void micrograd_readmeExample() {
        Micrograd.ReadmeExample readme = Micrograd.buildReadmeExample();
        readme.g().backward();
        assertThat(readme.g().item()).isCloseTo(24.70408163265306, within(1e-12));
        assertThat(readme.a().grad().item()).isCloseTo(138.83381924198252, within(1e-9));
        assertThat(readme.b().grad().item()).isCloseTo(645.5772594752186, within(1e-9));
    }

    @Test
    void micrograd_expressionGradients() {
        Micrograd.Expression e = Micrograd.build();
        e.y().backward();
        assertThat(e.y().item()).isEqualTo(-20.0);
        assertThat(e.x().grad().item()).isEqualTo(46.0);
    }

    @Test
    void explainBackward() throws Exception {
        String text = printedBy(new ExplainBackward(), output);
        assertThat(text).contains("Z1 = x·W1 + b1  = [[3.99 3.29 2.59]]")
                .contains("Z2 = A1·W2 + b2 = [[5.4552]]")
                .contains("L  = sum(½e²)   = 9.9244035")
                .contains("backward from L, starting with the seed dL/d(L) = 1.0")
                .contains("step 0: Sum   L = sum(½e²)")
                .contains("dL/d(Z2) = −dL/d(e) = [[4.4552]]")
                .contains("dL/d(b2) = dL/d(Z2) = [4.4552]   (summed over the broadcast dimensions to (1,))")
                .contains("dL/d(W2) = A1ᵀ · dL/d(A1·W2) = [[17.776248] [14.657608] [11.538968]]")
                .contains("dL/d(A1) = dL/d(A1·W2) · W2ᵀ = [[1.33656  1.514768 1.960288]]")
                .contains("step 8: MatMul   x·W1 = x · W1")
                .doesNotContain("step 9");
    }

    @Test
    void explainBackward_gradientsMatchTheHandRule() {
        ExplainBackward.Network net = ExplainBackward.forward();
        net.loss().backward();
        // dL/dW1 = xᵀ · dL/dZ1, with dL/dZ1 = (Z2 − a)·W2ᵀ (every Z1 is positive, so relu' = 1).
        Tensor dLdZ1 = net.w2().value().transpose().mul(net.z2().item() - ExplainBackward.TARGET);
        Tensor expected = net.x().value().transpose().matmul(dLdZ1);
        assertThat(net.w1().grad().allClose(expected, 0, 1e-12)).isTrue();
    }

    @Test
    void customOp() throws Exception {
        String text = printedBy(new CustomOp(), output);
        assertThat(text).contains("dΣy/dx = 3x²  = [ 6.75  0.75 12.  ]")
                .contains("gradient check passed for f:")
                .contains("gradient check passed for d(Σ v·grad f):")
                .containsPattern("gradient check FAILED for f, whose op CubeWithABug applied at "
                        + "CustomOp\\.wrongCube\\(CustomOp\\.java:\\d+\\) fails its own check")
                .containsPattern("gradient check FAILED for CubeWithABug applied at CustomOp\\.run\\(CustomOp\\.java:\\d+\\)");
    }

    @Test
    void customOp_wrongRuleIsOffByTheMissingFactor() {
        GradCheck.Report report = GradCheck.check(CustomOp::wrongCube, CustomOp.point());
        assertThat(report.passed()).isFalse();
        assertThat(report.worstNumeric() / report.worstAnalytic()).isCloseTo(3.0, within(1e-6));
        assertThat(GradCheck.check(CustomOp::cube, CustomOp.point()).passed()).isTrue();
    }

    @Test
    void secondOrder() throws Exception {
        String text = printedBy(new SecondOrder(), output);
        assertThat(text).contains("x =  3.0   dy/dx =  27.00 (3x² =  27.00)   d²y/dx² =  18.0 (6x =  18.0)")
                .contains("x = -1.0   dy/dx =   3.00 (3x² =   3.00)   d²y/dx² =  -6.0 (6x =  -6.0)")
                .contains("   0  2.0000000000000000   6.0000000000000000")
                .contains("   1  1.5000000000000000   -0.1875000000000000")
                .contains("   6  1.1309011226299980")
                .contains("stopped after 6 Newton steps")
                .contains("H·v by autograd (gradient of ∇L·v):          [ 3.28962357 -1.89700054 -7.51294484]");
    }

    @Test
    void secondOrder_hessianVectorProductMatchesFiniteDifferences() {
        Tensor byAutograd = SecondOrder.hessianVectorProduct(SecondOrder.hvpPoint(), SecondOrder.hvpDirection());
        Tensor byDifferences = SecondOrder.finiteDifferenceHvp(SecondOrder.hvpPoint(), SecondOrder.hvpDirection());
        assertThat(byAutograd.allClose(byDifferences, 0, 1e-6)).isTrue();
    }
}
