package dev.credence.api.dist;

import static dev.credence.api.dist.DistTesting.assertGradientsMatch;

import dev.credence.api.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradient of every family's logProb, with respect to each parameter and (for continuous
 * families) the value, against central finite differences, at every point of the golden fixture.
 */
class LogProbGradientTest {

    static Stream<GoldenCase> cases() {
        return GoldenCase.load().stream().filter(c -> c.kind().equals("logprob"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientsMatchFiniteDifferences(GoldenCase c) {
        Map<String, Tensor> all = c.tensors("");
        List<String> names = new ArrayList<>();
        List<Tensor> args = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : all.entrySet()) {
            if (!Families.STRUCTURAL.contains(e.getKey())) {
                names.add(e.getKey());
                args.add(e.getValue());
            }
        }
        Distribution shape = Families.create(c.family(), all);
        boolean withValue = !Families.DISCRETE.contains(c.family());
        Tensor value = Families.asEvent(shape, c.value());
        if (withValue) {
            names.add("value");
            args.add(value);
        }
        assertGradientsMatch(
                xs -> {
                    Map<String, Tensor> ps = new LinkedHashMap<>(all);
                    for (int i = 0; i < names.size(); i++) {
                        if (!names.get(i).equals("value")) {
                            ps.put(names.get(i), xs.get(i));
                        }
                    }
                    Tensor v = withValue ? xs.get(xs.size() - 1) : value;
                    return Families.create(c.family(), ps).logProb(v).sum();
                },
                args,
                names,
                1e-6,
                c.toString());
    }
}
