/**
 * Runnable lessons: the seed notebooks re-done in Java, then real training runs.
 */
module gradschool.examples {
    requires gradschool.nn;

    exports gradschool.examples;
    exports gradschool.examples.seeds;
}
