#!/usr/bin/env python3
"""Golden values for dev.credence.api.backend.ScalarMath, from SciPy.

Regenerate (Debian: apt-get install python3-scipy) from the repository root:

    /usr/bin/python3 api/src/test/resources/golden/special_functions.py \
        > api/src/test/resources/golden/special_functions.csv
"""
import numpy as np
from scipy import special

POINTS = {
    "lgamma": [1e-8, 0.01, 0.3, 0.5, 1.0, 1.5, 2.0, 3.0, 7.5, 10.0, 14.9, 15.1, 100.5, 1e5,
               -0.5, -2.5, -7.3],
    "digamma": [1e-3, 0.1, 0.5, 1.0, 2.5, 9.9, 10.1, 30.0, 1e4, -0.5, -2.3],
    "trigamma": [1e-3, 0.1, 0.5, 1.0, 2.5, 9.9, 10.1, 30.0, 1e4, -0.5, -2.3],
    "erf": [0.0, 1e-10, 0.1, 0.5, 1.0, -1.5, 2.4, 2.49, 2.51, 2.6, 3.0, 4.0, 5.9, 6.1],
    "erfc": [-1.0, 0.0, 0.5, 2.4, 2.6, 3.0, 5.0, 10.0, 26.0],
}

FUNCS = {
    "lgamma": special.gammaln,
    "digamma": special.psi,
    "trigamma": lambda x: special.polygamma(1, x),
    "erf": special.erf,
    "erfc": special.erfc,
}

print("function,x,value")
for name, xs in POINTS.items():
    for x in xs:
        print(f"{name},{x!r},{float(np.asarray(FUNCS[name](x)))!r}")
