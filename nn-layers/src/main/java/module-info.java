/**
 * Layers, losses, optimizers and data for training networks with gradschool.
 */
module gradschool.nn {
    requires transitive gradschool.autograd;
    requires com.google.common;
    requires me.tongfei.progressbar;

    exports gradschool.nn;
    exports gradschool.optim;
    exports gradschool.data;
}
