/**
 * Optimizers, gradient clipping and learning-rate schedules.
 */
package gradschool.optim;
