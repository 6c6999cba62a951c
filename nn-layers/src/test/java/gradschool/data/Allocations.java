package gradschool.data;

import java.lang.reflect.Method;

/** Reads HotSpot's count of the bytes the current thread has allocated, for tests that bound memory. */
public final class Allocations {

    private static final Object THREADS;
    private static final Method ALLOCATED;

    static {
        // By reflection: the test code is compiled inside the module gradschool.nn, which does not
        // read jdk.management; at run time the tests are on the class path, where it is visible.
        try {
            THREADS = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
            ALLOCATED = Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes");
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Allocations() {}

    /**
     * Returns the bytes this thread has allocated since it started.
     *
     * @return {@code com.sun.management.ThreadMXBean.getCurrentThreadAllocatedBytes()}
     */
    public static long currentThread() {
        try {
            return (long) ALLOCATED.invoke(THREADS);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this test needs HotSpot's per-thread allocation counter", e);
        }
    }
}
