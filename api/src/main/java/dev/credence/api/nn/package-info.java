/**
 * Neural-network building blocks as pure functions of named parameters ({@link
 * dev.credence.api.nn.Module}): {@link dev.credence.api.nn.Linear}, {@link
 * dev.credence.api.nn.Activation}, {@link dev.credence.api.nn.Dropout} and {@link
 * dev.credence.api.nn.Sequential}. Because parameters live outside the modules, one network serves
 * as a point estimate, as the mean of a variational guide, or as the weights HMC samples.
 */
package dev.credence.api.nn;
