/**
 * Layers, losses, optimizers and data for training networks with gradschool.
 */
module gradschool.nn {
    requires transitive gradschool.autograd;

    exports gradschool.nn;
    exports gradschool.optim;
    exports gradschool.data;
}
