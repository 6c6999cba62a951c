package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The op list in {@code docs/architecture.md} ("Functions: one class per op") names every op there is. */
class ArchitectureOpListTest {

    private static final Path PAGE = Path.of("..").toAbsolutePath().normalize().resolve("docs/architecture.md");

    @Test
    void theOpListNamesEveryOp() throws Exception {
        String text = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = text.indexOf("## Functions: one class per op");
        assertThat(start).as("docs/architecture.md has the section \"## Functions: one class per op\"").isNotNegative();
        int end = text.indexOf("Each has:", start);
        assertThat(end).as("the op list in docs/architecture.md ends with \"Each has:\"").isGreaterThan(start);
        Set<String> named = new TreeSet<>();
        Matcher code = Pattern.compile("`([A-Za-z0-9.]+)`").matcher(text.substring(start, end));
        while (code.find()) {
            named.add(code.group(1));
        }

        TreeSet<String> missing = new TreeSet<>(DerivativesTableTest.ops().keySet());
        missing.removeAll(named);
        assertThat(missing).as("ops that docs/architecture.md's op list does not name").isEmpty();
    }
}
