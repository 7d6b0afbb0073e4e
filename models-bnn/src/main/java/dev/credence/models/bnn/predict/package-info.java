/**
 * Predictive distributions of Bayesian networks and their uncertainty decomposition.
 *
 * <p>Every fitted network, Bayesian or not, is a {@link dev.credence.models.bnn.predict.Predictor}:
 * it returns {@link dev.credence.models.bnn.predict.PredictiveDraws}, one predictive distribution
 * per posterior draw (a Gaussian per example for regression, class probabilities for
 * classification). The posterior predictive is their equally weighted mixture, and its summaries
 * split uncertainty by the laws of total variance and of total entropy (Depeweg et al.,
 * "Decomposition of uncertainty in Bayesian deep learning", ICML 2018; Kendall and Gal, NeurIPS
 * 2017):
 *
 * <pre>
 * regression       Var[y] = E_w[sigma_w^2(x)]  +  Var_w[mu_w(x)]          aleatoric + epistemic
 * classification   H[E_w p_w(y|x)] = E_w H[p_w(y|x)]  +  I(y; w | x)      aleatoric + epistemic
 * </pre>
 *
 * The second terms measure disagreement between draws: zero for a point estimate, large where the
 * data did not pin the weights down.
 */
package dev.credence.models.bnn.predict;
