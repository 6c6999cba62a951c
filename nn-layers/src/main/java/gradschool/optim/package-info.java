/**
 * Optimizers, gradient clipping and learning-rate schedules: what happens after {@code loss.backward()}.
 *
 * <p>The optimizers, in order of increasing complexity — read them in this order, each adds one idea:
 * <ol>
 *   <li>{@link gradschool.optim.SGD} — step against the gradient; optionally momentum (classical or
 *       Nesterov) and weight decay;</li>
 *   <li>{@link gradschool.optim.Adagrad} — a separate step size for every number, shrinking with the sum of
 *       its squared gradients;</li>
 *   <li>{@link gradschool.optim.RMSprop} — the same, with a forgetting average instead of a sum;</li>
 *   <li>{@link gradschool.optim.Adam} — RMSprop plus momentum, both bias-corrected;</li>
 *   <li>{@link gradschool.optim.AdamW} — Adam with weight decay applied to the weights directly.</li>
 * </ol>
 * All extend {@link gradschool.optim.ElementwiseOptimizer}, which walks the parameters and hands each
 * update rule a flat view of one parameter and its gradient; {@link gradschool.optim.Optimizer} is the
 * contract ({@code step()}, {@code zeroGrad()}, the learning rate).
 *
 * <p>{@link gradschool.optim.GradientClipping} limits gradients between {@code backward()} and
 * {@code step()}. The schedules ({@link gradschool.optim.StepDecay},
 * {@link gradschool.optim.ExponentialDecay}, {@link gradschool.optim.CosineAnnealing},
 * {@link gradschool.optim.LinearWarmup}) extend {@link gradschool.optim.LearningRateSchedule} and set an
 * optimizer's learning rate once per epoch.
 */
package gradschool.optim;
