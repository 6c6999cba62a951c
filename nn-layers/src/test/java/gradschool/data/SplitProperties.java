package gradschool.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class SplitProperties {

    @Property(tries = 50)
    void shuffledIndicesArePermutationsDeterminedByTheSeed(@ForAll @IntRange(min = 0, max = 200) int n,
            @ForAll long seed) {
        int[] order = Split.shuffledIndices(n, seed);

        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertThat(sorted[i]).isEqualTo(i);
        }
        assertThat(Split.shuffledIndices(n, seed)).containsExactly(order);
    }
}
