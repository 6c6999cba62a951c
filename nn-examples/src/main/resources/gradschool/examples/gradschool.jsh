// The start-up script of './gradschool shell': gradschool's packages, imported after JShell's own
// default imports (java.util.*, java.io.*, java.nio.file.*, ...), so that a snippet can say
// Tensor.of(new double[]{1, 2}).add(1) as a notebook cell would.
import gradschool.core.*;
import gradschool.autograd.*;
import gradschool.nn.*;
import gradschool.optim.*;
import gradschool.data.*;
// Two simple names exist twice; name gradschool's, so that they mean it here (the others stay
// reachable by their full names):
import gradschool.nn.Module;          // java.lang.Module is imported implicitly
import gradschool.autograd.Function;  // java.util.function.Function is in JShell's default imports
