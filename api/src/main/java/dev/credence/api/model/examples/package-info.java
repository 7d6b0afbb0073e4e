/**
 * Example models, shipped as code: the eight schools (centred and non-centred), linear regression
 * and logistic regression. They serve as documentation, as fixtures for the inference modules'
 * tests and as benchmarks.
 */
package dev.credence.api.model.examples;
