/**
 * JMH benchmarks of gradschool's kernels; run them from the shaded jar, as docs/performance.md shows.
 */
package gradschool.bench;
