/**
 * Runnable lessons: the seed notebooks re-done in Java, then real training runs.
 */
module gradschool.examples {
    requires gradschool.nn;
    requires info.picocli;
    requires org.knowm.xchart;
    requires java.desktop;
    requires java.compiler; // javax.tools.Tool, to start JShell for 'gradschool shell'

    exports gradschool.examples;
    exports gradschool.examples.seeds;
    exports gradschool.examples.training;
    exports gradschool.examples.plot;
    exports gradschool.examples.autograd;
    exports gradschool.examples.language;

    opens gradschool.examples to info.picocli;
}
