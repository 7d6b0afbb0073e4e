package dev.credence.cli;

import static dev.credence.cli.HostileCase.Fixture.FIT;
import static dev.credence.cli.HostileCase.Fixture.VAE;

import java.util.ArrayList;
import java.util.List;

/** Hostile option values: out of range, malformed, unknown or contradictory (exit 2 or 3). */
final class UsageCases {
    private UsageCases() {}

    static final String[] SAMPLE_ARGS = {
        "sample", "eight-schools", "--chains", "1", "--warmup", "20", "--samples", "20"
    };
    static final String[] VAE_ARGS = {
        "vae",
        "train",
        "--data",
        "tiny",
        "--epochs",
        "1",
        "--latent",
        "2",
        "--hidden",
        "8",
        "--batch",
        "16"
    };
    static final String[] FIT_ARGS = {
        "bnn",
        "fit",
        "--data",
        "{data}/train.csv",
        "--target",
        "y",
        "--hidden",
        "4",
        "--inference",
        "map"
    };
    static final String[] PREDICT_ARGS = {
        "bnn",
        "predict",
        "--model",
        "{case}/fit/net.ckpt",
        "--data",
        "{data}/train.csv",
        "--target",
        "y"
    };

    /**
     * {@code base} with {@code extra} options (an option already in {@code base} gets the new
     * value; {@code --opt} and flags are added) and then {@code --output {case}/out}.
     */
    static String[] with(String[] base, String... extra) {
        List<String> a = new ArrayList<>(List.of(base));
        for (int i = 0; i < extra.length; i++) {
            boolean valued = i + 1 < extra.length && !extra[i + 1].startsWith("--");
            int at = a.indexOf(extra[i]);
            if (valued && at >= 0 && !extra[i].equals("--opt")) {
                a.set(at + 1, extra[++i]);
            } else if (valued) {
                a.add(extra[i]);
                a.add(extra[++i]);
            } else {
                a.add(extra[i]);
            }
        }
        a.addAll(List.of("--output", "{case}/out"));
        return a.toArray(String[]::new);
    }

    static List<HostileCase> all() {
        List<HostileCase> c = new ArrayList<>();
        c.add(HostileCase.of("G01", "no subcommand").fails(2, "subcommand"));
        c.add(HostileCase.of("G02", "unknown subcommand").run("frobnicate").fails(2, "frobnicate"));
        c.add(HostileCase.of("G03", "sample without a model").run("sample").fails(2, "model"));
        c.add(HostileCase.of("G04", "--help").run("--help").succeeds());
        c.add(
                HostileCase.of("G05", "unknown option")
                        .run(with(SAMPLE_ARGS, "--frobnicate"))
                        .fails(2, "--frobnicate"));
        c.add(
                HostileCase.of("G06", "unknown backend")
                        .run(with(SAMPLE_ARGS, "--backend", "tpu"))
                        .fails(3, "tpu"));
        c.add(
                HostileCase.of("G07", "bnn on an unknown backend")
                        .run(with(FIT_ARGS, "--backend", "nd4x"))
                        .fails(3, "nd4x"));
        c.add(
                HostileCase.of("G08", "empty backend name")
                        .run(with(SAMPLE_ARGS, "--backend", ""))
                        .fails(3, "backend ''"));
        c.add(HostileCase.of("G09", "inferences").run("inferences").succeeds());
        c.add(HostileCase.of("G10", "backends").run("backends").succeeds());
        c.add(HostileCase.of("G11", "--version").run("--version").succeeds());

        c.add(bound("S01", SAMPLE_ARGS, "--chains", "0"));
        c.add(bound("S02", SAMPLE_ARGS, "--chains", "-3"));
        c.add(bound("S03", SAMPLE_ARGS, "--chains", "2000000000"));
        c.add(
                HostileCase.of("S04", "sample --chains abc")
                        .run(with(SAMPLE_ARGS, "--chains", "abc"))
                        .fails(2, "abc"));
        c.add(bound("S05", SAMPLE_ARGS, "--warmup", "-1"));
        c.add(bound("S06", SAMPLE_ARGS, "--warmup", "2000000000"));
        c.add(bound("S07", SAMPLE_ARGS, "--samples", "0"));
        c.add(bound("S08", SAMPLE_ARGS, "--samples", "-5"));
        c.add(bound("S11", SAMPLE_ARGS, "--adapt-delta", "0"));
        c.add(bound("S12", SAMPLE_ARGS, "--adapt-delta", "1"));
        c.add(bound("S13", SAMPLE_ARGS, "--adapt-delta", "1.5"));
        c.add(bound("S14", SAMPLE_ARGS, "--adapt-delta", "NaN"));
        c.add(bound("S15", SAMPLE_ARGS, "--adapt-delta", "-0.2"));
        c.add(
                HostileCase.of("S16", "sample --algorithm gibbs")
                        .run(with(SAMPLE_ARGS, "--algorithm", "gibbs"))
                        .fails(2, "gibbs"));
        c.add(
                HostileCase.of("S17", "sample an unknown model")
                        .run(with(new String[] {"sample", "nine-schools"}))
                        .fails(2, "nine-schools"));

        c.add(
                HostileCase.of("C01", "sbc --replications 3")
                        .run("sbc", "--replications", "3")
                        .fails(2, "--replications", "3"));
        c.add(
                HostileCase.of("C02", "sbc --replications 2000000000")
                        .run("sbc", "--replications", "2000000000")
                        .fails(2, "--replications", "2000000000"));
        c.add(
                HostileCase.of("C03", "sbc --replications -1")
                        .run("sbc", "--replications", "-1")
                        .fails(2, "--replications", "-1"));
        c.add(
                HostileCase.of("C04", "sbc --family foo")
                        .run("sbc", "--family", "foo")
                        .fails(2, "foo"));
        c.add(
                HostileCase.of("C05", "sbc --algorithm foo")
                        .run("sbc", "--algorithm", "foo")
                        .fails(2, "foo"));

        c.add(
                HostileCase.of("V01", "vae frobnicate")
                        .run("vae", "frobnicate")
                        .fails(2, "frobnicate"));
        c.add(bound("V02", VAE_ARGS, "--epochs", "0"));
        c.add(bound("V03", VAE_ARGS, "--epochs", "-1"));
        c.add(bound("V04", VAE_ARGS, "--latent", "0"));
        c.add(bound("V05", VAE_ARGS, "--hidden", "0"));
        c.add(bound("V06", VAE_ARGS, "--hidden", "-3"));
        c.add(bound("V09", VAE_ARGS, "--batch", "0"));
        c.add(bound("V10", VAE_ARGS, "--batch", "-1"));
        c.add(bound("V11", VAE_ARGS, "--lr", "0"));
        c.add(bound("V12", VAE_ARGS, "--lr", "-1"));
        c.add(bound("V13", VAE_ARGS, "--lr", "NaN"));
        c.add(bound("V14", VAE_ARGS, "--lr", "Infinity"));
        c.add(bound("V15", VAE_ARGS, "--beta", "-1"));
        c.add(bound("V16", VAE_ARGS, "--beta", "NaN"));
        c.add(bound("V17", VAE_ARGS, "--beta", "0"));
        c.add(bound("V18", VAE_ARGS, "--iwae-k", "0"));
        c.add(
                HostileCase.of("V19", "vae --iwae-k 2 with --beta 2")
                        .run(with(VAE_ARGS, "--iwae-k", "2", "--beta", "2"))
                        .fails(2, "beta"));
        c.add(bound("V20", VAE_ARGS, "--train-size", "-5"));
        c.add(bound("V21", VAE_ARGS, "--test-size", "-1"));
        c.add(
                HostileCase.of("V22", "vae --likelihood foo")
                        .run(with(VAE_ARGS, "--likelihood", "foo"))
                        .fails(2, "foo"));
        c.add(
                HostileCase.of("V23", "vae --data foo")
                        .run(with(VAE_ARGS, "--data", "foo"))
                        .fails(2, "foo"));
        c.add(
                HostileCase.of("V24", "vae train --resume without --output")
                        .run("vae", "train", "--data", "tiny", "--resume")
                        .fails(2, "--output"));
        c.add(
                HostileCase.of("V25", "vae eval without --output")
                        .run("vae", "eval", "--data", "tiny")
                        .fails(2, "--output"));
        c.add(
                HostileCase.of("V26", "vae sample without --output")
                        .run("vae", "sample")
                        .fails(2, "--output"));
        c.add(
                HostileCase.of("V27", "vae sample --count 0")
                        .given(VAE)
                        .run("vae", "sample", "--count", "0", "--output", "{case}/vae")
                        .fails(2, "--count", "0"));
        c.add(
                HostileCase.of("V28", "vae sample --count 5000")
                        .given(VAE)
                        .run("vae", "sample", "--count", "5000", "--output", "{case}/vae")
                        .fails(2, "--count", "5000"));
        c.add(
                HostileCase.of("V53", "vae sample --count -1")
                        .given(VAE)
                        .run("vae", "sample", "--count", "-1", "--output", "{case}/vae")
                        .fails(2, "--count", "-1"));

        c.add(
                HostileCase.of("B01", "bnn frobnicate")
                        .run("bnn", "frobnicate", "--data", "{data}/train.csv")
                        .fails(2, "frobnicate"));
        c.add(
                HostileCase.of("B02", "bnn fit without --target")
                        .run("bnn", "fit", "--data", "{data}/train.csv", "--output", "{case}/out")
                        .fails(2, "--target"));
        c.add(
                HostileCase.of("B25", "bnn --task foo")
                        .run(with(FIT_ARGS, "--task", "foo"))
                        .fails(2, "--task", "foo"));
        c.add(
                HostileCase.of("B26", "bnn --activation foo")
                        .run(with(FIT_ARGS, "--activation", "foo"))
                        .fails(2, "--activation", "foo"));
        c.add(
                HostileCase.of("B27", "bnn --noise foo")
                        .run(with(FIT_ARGS, "--noise", "foo"))
                        .fails(2, "foo"));
        c.add(
                HostileCase.of("B28", "bnn --prior foo")
                        .run(with(FIT_ARGS, "--prior", "foo"))
                        .fails(2, "foo"));
        c.add(
                HostileCase.of("B29", "bnn --prior normal:-1")
                        .run(with(FIT_ARGS, "--prior", "normal:-1"))
                        .fails(2, "-1"));
        c.add(
                HostileCase.of("B30", "bnn --prior normal:NaN")
                        .run(with(FIT_ARGS, "--prior", "normal:NaN"))
                        .fails(2, "NaN"));
        c.add(
                HostileCase.of("B31", "bnn --prior mixture:2:1:1")
                        .run(with(FIT_ARGS, "--prior", "mixture:2:1:1"))
                        .fails(2, "2"));
        c.add(
                HostileCase.of("B32", "bnn --inference foo")
                        .run(with(FIT_ARGS, "--inference", "foo"))
                        .fails(2, "foo"));
        c.add(bound("B33", FIT_ARGS, "--hidden", "0"));
        c.add(bound("B34", FIT_ARGS, "--hidden", "-1"));
        c.add(
                HostileCase.of("B36", "bnn --hidden ''")
                        .run(with(FIT_ARGS, "--hidden", ""))
                        .fails(2, "--hidden"));
        c.add(bound("B37", FIT_ARGS, "--draws", "0"));
        c.add(bound("B38", FIT_ARGS, "--draws", "-1"));
        c.add(bound("B39", FIT_ARGS, "--draws", "2000000000"));
        c.add(bound("B40", FIT_ARGS, "--level", "0"));
        c.add(bound("B41", FIT_ARGS, "--level", "1"));
        c.add(bound("B42", FIT_ARGS, "--level", "1.5"));
        c.add(bound("B43", FIT_ARGS, "--level", "NaN"));
        c.add(opt("B44", "map", "epochs=0", "epochs"));
        c.add(opt("B45", "map", "epochs=-1", "epochs"));
        c.add(opt("B46", "map", "epochs=abc", "abc"));
        c.add(opt("B47", "map", "lr=0", "lr"));
        c.add(opt("B48", "map", "lr=-1", "lr"));
        c.add(opt("B49", "map", "batch-size=0", "batch-size"));
        c.add(opt("B50", "map", "prior-scale=0", "prior-scale"));
        c.add(opt("B51", "mcdropout", "dropout=1.5", "dropout"));
        c.add(opt("B52", "mcdropout", "dropout=-0.1", "dropout"));
        c.add(opt("B53", "ensemble", "members=0", "members"));
        c.add(opt("B54", "map", "unknown=1", "unknown"));
        c.add(opt("B56", "nuts", "num-samples=0", "num-samples"));
        c.add(opt("B57", "svi", "particles=0", "particles"));
        c.add(opt("B63", "svi", "epochs=0", "epochs"));
        c.add(opt("B64", "svi", "guide=foo", "foo"));
        c.add(opt("B74", "svi", "lr=NaN", "lr"));
        c.add(opt("B75", "nuts", "adapt-delta=2", "adapt-delta"));
        c.add(opt("B76", "svi", "moped=maybe", "moped"));
        c.add(
                HostileCase.of("B55", "bnn nuts --chains 0")
                        .run(with(FIT_ARGS, "--inference", "nuts", "--chains", "0"))
                        .fails(2, "chains", "0"));
        c.add(
                HostileCase.of("B73", "bnn map --chains 2")
                        .run(with(FIT_ARGS, "--chains", "2"))
                        .fails(2, "chains"));
        c.add(
                HostileCase.of("B68", "bnn --missing foo")
                        .run(with(FIT_ARGS, "--missing", "foo"))
                        .fails(2, "--missing", "foo"));

        c.add(
                HostileCase.of("P01", "bnn predict without --model")
                        .run(
                                "bnn",
                                "predict",
                                "--data",
                                "{data}/train.csv",
                                "--output",
                                "{case}/out")
                        .fails(2, "--model"));
        c.add(
                HostileCase.of("P16", "bnn predict --level 0")
                        .given(FIT)
                        .run(with(PREDICT_ARGS, "--level", "0"))
                        .fails(2, "--level", "0"));
        c.add(
                HostileCase.of("P17", "bnn predict --draws 0")
                        .given(FIT)
                        .run(with(PREDICT_ARGS, "--draws", "0"))
                        .fails(2, "--draws", "0"));
        return c;
    }

    /**
     * An option value out of its documented range: exit 2, naming the option (with or without its
     * dashes) and the value.
     */
    static HostileCase bound(String id, String[] base, String option, String value) {
        return HostileCase.of(id, base[0] + " " + option + " " + value)
                .run(with(base, option, value))
                .fails(2, option.substring(2), value);
    }

    /** A bad {@code --opt} of an inference method: exit 2, naming the option. */
    static HostileCase opt(String id, String method, String kv, String fact) {
        return HostileCase.of(id, "bnn --inference " + method + " --opt " + kv)
                .run(with(FIT_ARGS, "--inference", method, "--opt", kv))
                .fails(2, fact);
    }
}
