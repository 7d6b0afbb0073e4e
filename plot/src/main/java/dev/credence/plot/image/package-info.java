/**
 * Pictures: {@link dev.credence.plot.image.ImageGrid} tiles gray images into one PNG (through
 * ImageIO), {@link dev.credence.plot.image.LatentFigure} draws a two-dimensional latent space.
 */
package dev.credence.plot.image;
