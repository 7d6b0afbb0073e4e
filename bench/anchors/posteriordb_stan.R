# The RStan side of bench/anchors/posteriordb.sh: NUTS on one posteriordb posterior, with the same
# agreement rule and diagnostics as the Credence side.
# Usage: Rscript posteriordb_stan.R POSTERIOR_DIR CACHE_DIR [CHAINS] [ITER] [CORES] [SEED]
#   POSTERIOR_DIR holds model.stan, data.json and reference_summary.csv (../shared/posteriordb/NAME).
#   CACHE_DIR keeps the translated program, the compiled model (RDS) and its compile time, so that
#   repeated runs skip the ~50 s C++ build; the compile time printed is the one measured when built.
# Prints one line: stan name=... compile_s=... cached=... wall_s=... min_ess_bulk=... max_rhat=...
#   divergent=... agree=K/N, then a line per disagreeing parameter.
#
# posteriordb's programs use Stan 2.26+ array syntax; RStan 2.21 reads the older syntax, so the
# program is translated first (array[N] real x -> real x[N]; gp_exp_quad_cov -> cov_exp_quad).
suppressMessages({library(rstan); library(jsonlite)})
a <- commandArgs(trailingOnly = TRUE)
dir <- a[1]; cache <- a[2]
chains <- if (length(a) > 2) as.integer(a[3]) else 4
iter <- if (length(a) > 3) as.integer(a[4]) else 2000
cores <- if (length(a) > 4) as.integer(a[5]) else 1
seed <- if (length(a) > 5) as.integer(a[6]) else 4711
name <- basename(normalizePath(dir))

translate <- function(src) {
  types <- "int|real|vector|row_vector|matrix|simplex|ordered|positive_ordered|unit_vector"
  decl <- paste0("array\\[([^\\]]+)\\]\\s+((?:", types, ")(?:<[^>]*>)?(?:\\[[^\\]]*\\])?)\\s+(\\w+)")
  src <- gsub(decl, "\\2 \\3[\\1]", src, perl = TRUE)
  src <- gsub("array\\[\\]\\s+(int|real)", "\\1[]", src, perl = TRUE)
  gsub("gp_exp_quad_cov\\(", "cov_exp_quad(", src, perl = TRUE)
}

dir.create(file.path(cache, name), recursive = TRUE, showWarnings = FALSE)
src <- translate(readLines(file.path(dir, "model.stan")))
stan_file <- file.path(cache, name, "model.stan")
rds <- file.path(cache, name, "model.rds")
timing <- file.path(cache, name, "compile_s")
fresh <- !file.exists(stan_file) || !identical(readLines(stan_file), src) || !file.exists(rds)
if (fresh) {
  writeLines(src, stan_file)
  t0 <- Sys.time()
  m <- stan_model(stan_file, model_name = name, auto_write = FALSE)
  compile_s <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
  saveRDS(m, rds); writeLines(sprintf("%.1f", compile_s), timing)
} else {
  m <- readRDS(rds); compile_s <- as.numeric(readLines(timing))
}

d <- fromJSON(file.path(dir, "data.json"))
t0 <- Sys.time()
f <- sampling(m, data = d, chains = chains, iter = iter, cores = cores, seed = seed, refresh = 0)
wall <- as.numeric(difftime(Sys.time(), t0, units = "secs"))

ref <- read.csv(file.path(dir, "reference_summary.csv"), stringsAsFactors = FALSE)
sims <- as.array(f)
mon <- monitor(sims[, , ref$param, drop = FALSE], warmup = 0, print = FALSE)
draws <- apply(sims[, , ref$param, drop = FALSE], 3, c)
mean_ <- colMeans(draws); sd_ <- apply(draws, 2, sd); ess <- mon[ref$param, "Bulk_ESS"]
ok_mean <- abs(mean_ - ref$mean) <= 4 * ref$sd * sqrt(1 / ess + 1e-4)
ok_sd <- abs(sd_ / ref$sd - 1) <= 4 * sqrt(1 / (2 * ess)) + 0.02
agree <- ok_mean & ok_sd
cat(sprintf(paste("stan name=%s compile_s=%.1f cached=%s wall_s=%.2f min_ess_bulk=%.0f",
                  "max_rhat=%.3f divergent=%d agree=%d/%d\n"),
            name, compile_s, tolower(!fresh), wall, min(ess), max(mon[ref$param, "Rhat"]),
            sum(get_divergent_iterations(f)), sum(agree), length(agree)))
for (i in which(!agree)) {
  cat(sprintf("  DISAGREES %s mean %.5g (ref %.5g) sd %.5g (ref %.5g) ess_bulk %.0f\n",
              ref$param[i], mean_[i], ref$mean[i], sd_[i], ref$sd[i], ess[i]))
}
