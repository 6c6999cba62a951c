// The start-up script of './gradschool shell': gradschool's packages, imported after JShell's own
// default imports (java.util.*, java.io.*, java.nio.file.*, ...), so that a snippet can say
// Tensor.of(new double[]{1, 2}).add(1) as a notebook cell would.
import gradschool.core.*;
import gradschool.autograd.*;
import gradschool.nn.*;
import gradschool.optim.*;
import gradschool.data.*;
// One simple name exists twice; name gradschool's, so that it means ours here (the other stays
// reachable by its full name):
import gradschool.autograd.Function;  // java.util.function.Function is in JShell's default imports
