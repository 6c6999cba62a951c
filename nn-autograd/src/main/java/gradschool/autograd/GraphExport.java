package gradschool.autograd;

import gradschool.core.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Draws the graph behind a {@link Variable}: as Graphviz DOT (the picture micrograd draws) or as an
 * indented text tree.
 *
 * <pre>{@code
 * Variable z = w.matmul(x).add(b).named("z").retainGrad();
 * Variable out = z.relu().named("out");
 * out.backward();
 * System.out.println(GraphExport.toText(out));
 * // [0] out () = ReLU, value 2.3
 * // └── [1] z () = Add, value 2.3, grad 1.0
 * //     ├── [2] () = MatMul, value 0.30000000000000004
 * //     │   ├── [3] w (3,) leaf, value [ 0.2  0.8 -0.5], grad [1. 2. 3.]
 * //     │   └── [4] x (3,) leaf, value [1. 2. 3.]
 * //     └── [5] b () leaf, value 2.0, grad 1.0
 * GraphExport.writeDot(out, Path.of("neuron.dot"));   // then: dot -Tpng neuron.dot -o neuron.png
 * GraphExport.renderPng(out, Path.of("neuron.png"));  // the same, if Graphviz is installed
 * }</pre>
 *
 * <p>The graph is everything reachable from the output through the inputs of the functions that made
 * it, including data and constants that need no gradient. Both forms are deterministic: nodes are
 * numbered in the order of a depth-first walk that visits inputs in argument order. Both walks use an
 * explicit stack, not recursion, so a deep graph cannot overflow the Java stack (but a text tree of a
 * very deep chain is, of course, very wide).
 */
public final class GraphExport {

    /** Tensors with at most this many elements have their data and gradient drawn. */
    public static final int MAX_ELEMENTS_SHOWN = 6;

    private static final long RENDER_TIMEOUT_SECONDS = 60;

    private GraphExport() {
    }

    // ---------------------------------------------------------------------------------------
    // Graphviz DOT
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the graph as Graphviz DOT: one record node per value (its name if it has one, its shape,
     * and for tensors of at most {@value #MAX_ELEMENTS_SHOWN} elements its data and gradient; a scalar
     * {@link Variable#constant constant} is drawn as its value, {@code const 2.0}), one small
     * node per op (the function's {@code toString()}), and edges input → op → output. When an op has
     * several inputs, each edge into it is labelled with the argument position (0, 1, …), because
     * {@code A·B} is not {@code B·A}.
     *
     * <p>Value nodes are called {@code v0, v1, …} in topological order (every value after its inputs);
     * the op that made {@code vN} is {@code opN}.
     *
     * @param output the variable whose history to draw
     * @return the DOT text, ending with a newline
     */
    public static String toDot(Variable output) {
        List<Variable> order = topologicalOrder(output);
        Map<Variable, Integer> ids = new IdentityHashMap<>();
        for (Variable node : order) {
            ids.put(node, ids.size());
        }
        StringBuilder dot = new StringBuilder();
        dot.append("digraph autograd {\n");
        dot.append("  rankdir=LR;\n");
        dot.append("  node [fontname=\"Helvetica\", fontsize=10];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=8];\n");
        for (Variable node : order) {
            int id = ids.get(node);
            dot.append("  v").append(id).append(" [shape=record, label=\"{")
                    .append(String.join(" | ", recordFields(node))).append("}\"];\n");
            if (node.isLeaf()) {
                continue;
            }
            dot.append("  op").append(id).append(" [shape=ellipse, label=\"")
                    .append(escapeDot(node.function().toString())).append("\"];\n");
            List<Variable> inputs = node.inputs();
            for (int i = 0; i < inputs.size(); i++) {
                dot.append("  v").append(ids.get(inputs.get(i))).append(" -> op").append(id);
                if (inputs.size() > 1) {
                    dot.append(" [label=\"").append(i).append("\"]");
                }
                dot.append(";\n");
            }
            dot.append("  op").append(id).append(" -> v").append(id).append(";\n");
        }
        dot.append("}\n");
        return dot.toString();
    }

    /**
     * Writes {@link #toDot} to a file (UTF-8), replacing it if it exists.
     *
     * @param output the variable whose history to draw
     * @param file where to write, e.g. {@code graph.dot}
     * @throws IOException if the file cannot be written
     */
    public static void writeDot(Variable output, Path file) throws IOException {
        Files.writeString(file, toDot(output), StandardCharsets.UTF_8);
    }

    /**
     * Renders the graph to a PNG image with Graphviz's {@code dot} command, if it is installed.
     *
     * @param output the variable whose history to draw
     * @param file where to write the image
     * @return true if the image was written; false if {@code dot} is not on the {@code PATH} (install
     *     Graphviz, or use {@link #writeDot} and render the file elsewhere)
     * @throws IOException if {@code dot} fails (its error output is in the message)
     */
    public static boolean renderPng(Variable output, Path file) throws IOException {
        return render(output, file, "png");
    }

    /**
     * Renders the graph to an SVG image with Graphviz's {@code dot} command, if it is installed.
     *
     * @param output the variable whose history to draw
     * @param file where to write the image
     * @return true if the image was written; false if {@code dot} is not on the {@code PATH}
     * @throws IOException if {@code dot} fails (its error output is in the message)
     */
    public static boolean renderSvg(Variable output, Path file) throws IOException {
        return render(output, file, "svg");
    }

    /**
     * Tells whether Graphviz's {@code dot} command is on the {@code PATH}.
     *
     * @return true if {@link #renderPng} and {@link #renderSvg} can draw
     */
    public static boolean isGraphvizInstalled() {
        return findDot() != null;
    }

    private static boolean render(Variable output, Path file, String format) throws IOException {
        Path dot = findDot();
        if (dot == null) {
            return false;
        }
        String source = toDot(output); // build the text before starting a process
        Process process = new ProcessBuilder(dot.toString(), "-T" + format, "-o", file.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(source.getBytes(StandardCharsets.UTF_8));
        }
        String errors = readAll(process.getErrorStream());
        try {
            if (!process.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("render: " + dot + " -T" + format + " did not finish within "
                        + RENDER_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("render: interrupted while waiting for " + dot, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("render: " + dot + " -T" + format + " -o " + file + " failed with exit code "
                    + process.exitValue() + ": " + errors.strip());
        }
        return true;
    }

    private static String readAll(InputStream stream) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        stream.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Looks for an executable {@code dot} (or {@code dot.exe}) in the directories of {@code PATH}. */
    private static Path findDot() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            for (String name : new String[] {"dot", "dot.exe"}) {
                try {
                    Path candidate = Path.of(directory, name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return candidate;
                    }
                } catch (RuntimeException malformedEntry) {
                    // an odd PATH entry (not a valid path on this system): skip it
                }
            }
        }
        return null;
    }

    /**
     * The fields of a value's record: name, shape, and (when small) data and gradient. An intermediate
     * value keeps its gradient only if it asked to ({@link Variable#retainGrad()}), so it usually has none.
     */
    private static List<String> recordFields(Variable node) {
        List<String> fields = new ArrayList<>();
        if (node.name() != null) {
            fields.add(escapeDot(node.name()));
        }
        if (node.isConstant() && node.rank() == 0) {
            fields.add(escapeDot(node.constantLabel())); // const 2.0: the number is all there is to see
            return fields;
        }
        if (node.isConstant()) {
            fields.add("const");
        }
        fields.add(escapeDot(node.shape().toString()));
        if (node.size() <= MAX_ELEMENTS_SHOWN) {
            fields.add("data " + escapeDot(oneLine(node.value())));
            if (node.grad() != null) {
                fields.add("grad " + escapeDot(oneLine(node.grad())));
            } else if (node.isLeaf() && node.requiresGrad()) {
                fields.add("grad none"); // no backward pass has reached it yet
            }
        }
        return fields;
    }

    /** Escapes the characters that mean something inside a DOT record label. */
    private static String escapeDot(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c == '\n' ? ' ' : c);
        }
        return escaped.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Text tree
    // ---------------------------------------------------------------------------------------

    /**
     * Returns the graph as an indented tree: the output at the top, each variable's inputs below it in
     * argument order. Every node gets a number {@code [n]}; a node used more than once is printed in
     * full the first time and afterwards only referred to, as {@code [n] name (see above)}.
     *
     * <p>Each line shows the name (if any), the shape, the op that made it (or {@code leaf}, or
     * {@code const} for a {@link Variable#constant constant}), and for tensors of at most
     * {@value #MAX_ELEMENTS_SHOWN} elements the value and, if it has one, the gradient. A scalar constant is
     * just its value: {@code const 2.0}.
     *
     * @param output the variable whose history to print
     * @return the tree, one node per line, ending with a newline
     */
    public static String toText(Variable output) {
        StringBuilder text = new StringBuilder();
        Map<Variable, Integer> numbers = new IdentityHashMap<>();
        Deque<TreeLine> stack = new ArrayDeque<>();
        stack.push(new TreeLine(output, "", ""));
        while (!stack.isEmpty()) {
            TreeLine line = stack.pop();
            Variable node = line.node;
            text.append(line.branch);
            Integer seen = numbers.get(node);
            if (seen != null) {
                text.append('[').append(seen).append("] ").append(node.label()).append(" (see above)\n");
                continue;
            }
            int number = numbers.size();
            numbers.put(node, number);
            text.append('[').append(number).append("] ").append(describe(node)).append('\n');
            List<Variable> inputs = node.inputs();
            for (int i = inputs.size() - 1; i >= 0; i--) { // pushed in reverse, so printed in order
                boolean last = i == inputs.size() - 1;
                stack.push(new TreeLine(inputs.get(i),
                        line.childIndent + (last ? "└── " : "├── "),
                        line.childIndent + (last ? "    " : "│   ")));
            }
        }
        return text.toString();
    }

    /**
     * {@code z () = Add, value 2.3, grad 1.0}, {@code w (3,) leaf, value [..], grad [..]}, or for constants
     * {@code const 2.0} and {@code (3,) const, value [..]}.
     */
    private static String describe(Variable node) {
        StringBuilder text = new StringBuilder();
        if (node.name() != null) {
            text.append(node.name()).append(' ');
        }
        if (node.isConstant() && node.rank() == 0) {
            return text.append(node.constantLabel()).toString();
        }
        text.append(node.shape());
        text.append(node.isConstant() ? " const" : node.isLeaf() ? " leaf" : " = " + node.function());
        if (node.size() <= MAX_ELEMENTS_SHOWN) {
            text.append(", value ").append(oneLine(node.value()));
            if (node.grad() != null) {
                text.append(", grad ").append(oneLine(node.grad()));
            }
        }
        return text.toString();
    }

    /** One line of the tree still to print: the node, the branch drawn before it, the indent for its inputs. */
    private static final class TreeLine {
        final Variable node;
        final String branch;
        final String childIndent;

        TreeLine(Variable node, String branch, String childIndent) {
            this.node = node;
            this.branch = branch;
            this.childIndent = childIndent;
        }
    }

    // ---------------------------------------------------------------------------------------
    // Shared helpers
    // ---------------------------------------------------------------------------------------

    /** A tensor as numpy prints it, with its rows on one line: {@code [[1. 2.] [3. 4.]]}. */
    static String oneLine(Tensor tensor) {
        return tensor.toString().replaceAll("\\s*\\n\\s*", " ");
    }

    /**
     * Every variable reachable from the output through function inputs (whether or not they require
     * a gradient), each after its inputs: an iterative depth-first walk in argument order.
     */
    private static List<Variable> topologicalOrder(Variable output) {
        List<Variable> order = new ArrayList<>();
        Set<Variable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Variable> stack = new ArrayDeque<>();
        Deque<Integer> nextInput = new ArrayDeque<>();
        visited.add(output);
        stack.push(output);
        nextInput.push(0);
        while (!stack.isEmpty()) {
            Variable top = stack.peek();
            int next = nextInput.pop();
            List<Variable> inputs = top.inputs();
            if (next < inputs.size()) {
                nextInput.push(next + 1);
                Variable input = inputs.get(next);
                if (visited.add(input)) {
                    stack.push(input);
                    nextInput.push(0);
                }
            } else {
                stack.pop();
                order.add(top); // all of its inputs are already in the order
            }
        }
        return order;
    }
}
