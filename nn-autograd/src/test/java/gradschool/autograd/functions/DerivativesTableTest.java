package gradschool.autograd.functions;

import static org.assertj.core.api.Assertions.assertThat;

import gradschool.autograd.DerivativeRule;
import gradschool.autograd.Function;
import gradschool.core.Shape;
import gradschool.core.Tensor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/derivatives.md} lists exactly the ops of {@code gradschool.autograd.functions}, each with
 * the text of its own {@link Function#derivativeRule()}: the page is checked against the ops, so the
 * derivative is written once, on the op.
 *
 * <p>Each table on the page has the columns {@code class}, {@code forward} and {@code derivative}. The
 * derivative cell must be exactly {@link #derivativeCell(DerivativeRule)}; the forward cell must begin
 * with {@link #forwardCell(DerivativeRule)} and may go on with a remark for the reader.
 */
class DerivativesTableTest {

    private static final Path PAGE = Path.of("..").toAbsolutePath().normalize().resolve("docs/derivatives.md");

    /** The derivative column of an op's row: each input's gradient as code, then the note. */
    static String derivativeCell(DerivativeRule rule) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rule.inputs().size(); i++) {
            parts.add(code("dL/d" + rule.inputs().get(i) + " = " + rule.gradients().get(i)));
        }
        String cell = String.join(", ", parts);
        return rule.note().isEmpty() ? cell : cell + "; " + rule.note().replace("|", "\\|");
    }

    /** How the forward column of an op's row begins: the forward formula as code. */
    static String forwardCell(DerivativeRule rule) {
        return code(rule.forward());
    }

    private static String code(String text) {
        return "`" + text.replace("|", "\\|") + "`";
    }

    /** Every concrete op class in the package, nested ones included, named as the page names them. */
    static Map<String, Class<?>> ops() throws IOException, URISyntaxException {
        Path folder = Path.of(Add.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(Add.class.getPackageName().replace('.', '/'));
        Map<String, Class<?>> ops = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.equals("package-info.class")) {
                    continue;
                }
                Class<?> type = load(Add.class.getPackageName() + "." + name.substring(0, name.length() - ".class".length()));
                if (Function.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())
                        && !type.isAnonymousClass() && !type.isLocalClass()) {
                    ops.put(type.getName().substring(type.getPackageName().length() + 1).replace('$', '.'), type);
                }
            }
        }
        return ops;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("cannot load " + name, e);
        }
    }

    /**
     * Makes an unapplied instance of an op through its public constructor with the fewest parameters,
     * with placeholder arguments (the rules are written in symbols, so the values do not matter).
     */
    static Function instance(Class<?> type) {
        Constructor<?> constructor = Arrays.stream(type.getConstructors())
                .min(Comparator.comparingInt(Constructor::getParameterCount))
                .orElseThrow(() -> new AssertionError(type.getSimpleName() + " has no public constructor"));
        Object[] arguments = new Object[constructor.getParameterCount()];
        Class<?>[] types = constructor.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = placeholder(type, types[i]);
        }
        try {
            return (Function) constructor.newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + type.getSimpleName() + " with " + Arrays.toString(arguments), e);
        }
    }

    private static Object placeholder(Class<?> op, Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == double.class) {
            return 1.0;
        } else if (type == boolean.class) {
            return false;
        } else if (type == int[].class) {
            return new int[] {0};
        } else if (type == Shape.class) {
            return Shape.of(1);
        } else if (type == Tensor.class) {
            return Tensor.of(1.0);
        }
        throw new AssertionError(op.getSimpleName() + "'s constructor takes a " + type.getSimpleName()
                + ": add a placeholder value for it to DerivativesTableTest.placeholder");
    }

    /** One row of a table on the page: the line number and the cells by column name. */
    record Row(int line, Map<String, String> cells) {
    }

    /** The rows of every table on the page that has a {@code class} column, by the class they name. */
    static Map<String, Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                header = null;
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (line.startsWith("|---") || !header.contains("class")) {
                continue;
            }
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < cells.size(); c++) {
                byColumn.put(header.get(c), cells.get(c));
            }
            String op = byColumn.get("class").replace("`", "");
            Row previous = rows.put(op, new Row(i + 1, byColumn));
            assertThat(previous).as("docs/derivatives.md lists %s twice (lines %d and %d)", op,
                    previous == null ? 0 : previous.line(), i + 1).isNull();
        }
        return rows;
    }

    /** Splits a table line at the pipes that are not escaped as {@code \|}. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 1; i < line.length(); i++) { // skip the leading pipe
            char c = line.charAt(i);
            if (c == '|' && line.charAt(i - 1) != '\\') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        return cells;
    }

    @Test
    void everyOpStatesItsDerivativeRule() throws Exception {
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, Class<?>> op : ops().entrySet()) {
            if (!instance(op.getValue()).derivativeRule().isStated()) {
                without.add(op.getKey());
            }
        }
        assertThat(without).as("ops whose derivativeRule() states nothing (override it)").isEmpty();
        assertThat(ops()).containsKeys("Add", "Affine", "MatMul", "ReLU", "LeakyReLU", "Sin", "Cos", "Slice.SliceScatter");
    }

    @Test
    void thePageListsExactlyTheOps() throws Exception {
        TreeSet<String> missing = new TreeSet<>(ops().keySet());
        missing.removeAll(rows().keySet());
        TreeSet<String> extra = new TreeSet<>(rows().keySet());
        extra.removeAll(ops().keySet());

        assertThat(missing).as("ops that have no row in docs/derivatives.md (add one to the right table)").isEmpty();
        assertThat(extra).as("rows in docs/derivatives.md for classes that are not ops in gradschool.autograd.functions")
                .isEmpty();
    }

    @Test
    void eachRowShowsItsOpsOwnRule() throws Exception {
        Map<String, Row> rows = rows();
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Class<?>> op : ops().entrySet()) {
            Row row = rows.get(op.getKey());
            if (row == null) {
                continue; // thePageListsExactlyTheOps names it
            }
            DerivativeRule rule = instance(op.getValue()).derivativeRule();
            String derivative = row.cells().getOrDefault("derivative", "");
            if (!derivative.equals(derivativeCell(rule))) {
                differences.add(op.getKey() + " (docs/derivatives.md line " + row.line() + "): the derivative column is\n    "
                        + derivative + "\n  but " + op.getValue().getSimpleName() + ".derivativeRule() gives\n    "
                        + derivativeCell(rule));
            }
            String forward = row.cells().getOrDefault("forward", "");
            if (!forward.startsWith(forwardCell(rule))) {
                differences.add(op.getKey() + " (docs/derivatives.md line " + row.line() + "): the forward column is\n    "
                        + forward + "\n  but must begin with " + op.getValue().getSimpleName() + ".derivativeRule()'s\n    "
                        + forwardCell(rule));
            }
        }
        assertThat(differences).as("rows of docs/derivatives.md that differ from their op's derivativeRule()").isEmpty();
    }

    @Test
    void theCellsAreWrittenAsTheExplainerReadsThem() {
        DerivativeRule abs = DerivativeRule.unary("y = |x|", "g ⊙ sign(x)").withNote("sign(0) = 0");

        assertThat(derivativeCell(abs)).isEqualTo("`dL/dx = g ⊙ sign(x)`; sign(0) = 0");
        assertThat(forwardCell(abs)).isEqualTo("`y = \\|x\\|`");
        assertThat(cells("| `Abs` | `y = \\|x\\|` | x |")).containsExactly("`Abs`", "`y = \\|x\\|`", "x");
    }
}
