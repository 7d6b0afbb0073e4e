/** Variational inference figures: {@link dev.credence.plot.vi.ElboFigure}. */
package dev.credence.plot.vi;
