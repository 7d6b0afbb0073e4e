/**
 * First-order optimizers as pure state transitions ({@link dev.credence.api.optim.Optimizer}): SGD
 * with momentum, Adam, AdamW and ClippedAdam, with learning-rate schedules ({@link
 * dev.credence.api.optim.LearningRate}). State is a record of tensors ({@link
 * dev.credence.api.optim.OptimizerState}), so training checkpoints and resumes exactly.
 */
package dev.credence.api.optim;
