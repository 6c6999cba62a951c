package gradschool.examples.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void classColorsFollowTab10AndCycle() {
        assertThat(Charts.classColor(0)).isEqualTo(new Color(0x1f77b4));
        assertThat(Charts.classColor(1)).isEqualTo(new Color(0xff7f0e));
        assertThat(Charts.classColor(12)).isEqualTo(Charts.classColor(2));
        assertThatThrownBy(() -> Charts.classColor(-1)).hasMessageContaining("-1");
    }

    @Test
    void palerMixesEachChannelWithWhite() {
        Color color = new Color(100, 0, 255);
        assertThat(Charts.paler(color, 0)).isEqualTo(color);
        assertThat(Charts.paler(color, 1)).isEqualTo(Color.WHITE);
        assertThat(Charts.paler(color, 0.5)).isEqualTo(new Color(178, 128, 255));   // 100 + 155/2 = 177.5
        assertThatThrownBy(() -> Charts.paler(color, 1.5)).hasMessageContaining("1.5");
    }
}
