package gradschool.autograd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** micrograd's well-known sanity check, with the values micrograd and PyTorch give. */
class MicrogradSanityTest {

    @Test
    void sanityCheckMatchesMicrograd() {
        Variable x = Variable.requiringGrad(-4.0).named("x");
        Variable z = x.mul(2).add(2).add(x);
        Variable q = z.relu().add(z.mul(x));
        Variable h = z.mul(z).relu();
        Variable y = h.add(q).add(q.mul(x));
        y.backward();

        assertThat(y.item()).isEqualTo(-20.0);
        assertThat(x.grad().item()).isCloseTo(46.0, within(1e-12));
    }

    @Test
    void moreOpsMatchMicrograd() {
        Variable a = Variable.requiringGrad(-4.0);
        Variable b = Variable.requiringGrad(2.0);
        Variable c = a.add(b);
        Variable d = a.mul(b).add(b.pow(3));
        c = c.add(c).add(1);
        c = c.add(1).add(c).add(a.neg());
        d = d.add(d.mul(2)).add(b.add(a).relu());
        d = d.add(d.mul(3)).add(b.sub(a).relu());
        Variable e = c.sub(d);
        Variable f = e.pow(2);
        Variable g = f.div(2.0);
        g = g.add(f.rdiv(10.0));
        g.backward();

        assertThat(g.item()).isCloseTo(24.70408163265306, within(1e-12));
        assertThat(a.grad().item()).isCloseTo(138.83381924198252, within(1e-9));
        assertThat(b.grad().item()).isCloseTo(645.5772594752186, within(1e-9));
    }
}
