/**
 * Reverse-mode automatic differentiation: {@link gradschool.autograd.Variable} is a tensor that
 * remembers how it was made, so that it can send gradients back.
 */
module gradschool.autograd {
    requires transitive gradschool.core;
    requires com.google.common;

    exports gradschool.autograd;
    exports gradschool.autograd.functions;
}
