# Reference values for dev.credence.api.infer.diagnostics, from the posterior R package.
#
# Regenerate (Debian: apt-get install r-cran-posterior) from the repository root:
#   Rscript api-tests/src/test/resources/golden/diagnostics.R api-tests/src/test/resources/golden
#
# Writes diagnostics_draws.csv (case, chain, iteration, value) and diagnostics_expected.csv
# (case, rhat, ess_bulk, ess_tail, mcse_mean, plus the posterior package version).
suppressPackageStartupMessages(library(posterior))
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(20261128)
m <- 4
ar1 <- function(phi, n) {
  x <- numeric(n)
  x[1] <- rnorm(1)
  for (i in 2:n) x[i] <- phi * x[i - 1] + sqrt(1 - phi^2) * rnorm(1)
  x
}
chains <- function(f) sapply(1:m, function(c) f(c))
cases <- list(
  iid = chains(function(c) rnorm(500)),
  ar_0.9 = chains(function(c) ar1(0.9, 500)),
  heavy_tails = chains(function(c) rt(500, df = 1.5)),
  one_chain_shifted = chains(function(c) rnorm(500, mean = if (c == 1) 0.7 else 0)),
  antithetic = chains(function(c) ar1(-0.3, 500)),
  odd_length = chains(function(c) ar1(0.5, 499)),
  ties = chains(function(c) as.numeric(rpois(500, 3))),
  single_chain = matrix(ar1(0.6, 800), ncol = 1)
)
fmt <- function(v) sprintf("%.17g", v)
draws <- do.call(rbind, lapply(names(cases), function(k) {
  x <- cases[[k]]
  data.frame(case = k, chain = rep(seq_len(ncol(x)), each = nrow(x)),
             iteration = rep(seq_len(nrow(x)), ncol(x)), value = fmt(as.vector(x)))
}))
write.csv(draws, file.path(out, "diagnostics_draws.csv"), row.names = FALSE, quote = FALSE)
expected <- do.call(rbind, lapply(names(cases), function(k) {
  x <- cases[[k]]
  data.frame(case = k, rhat = fmt(rhat(x)), ess_bulk = fmt(ess_bulk(x)),
             ess_tail = fmt(ess_tail(x)), mcse_mean = fmt(mcse_mean(x)))
}))
write.csv(expected, file.path(out, "diagnostics_expected.csv"), row.names = FALSE, quote = FALSE)
cat("posterior", as.character(packageVersion("posterior")), "\n")
