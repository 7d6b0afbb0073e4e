"""PyTorch's side of VaeMatmulBench: the five large FLOAT32 products of one VAE training step, in the
same stored layouts, timed in microseconds per product (best of ROUNDS means of REPS products).
Usage: THREADS=1 python3 matmul_torch.py [REPS ROUNDS]"""
import os
import sys
import time

import torch

torch.set_num_threads(int(os.environ.get('THREADS', '1')))
reps, rounds = (int(a) for a in (sys.argv[1:3] if len(sys.argv) > 2 else (200, 5)))
torch.manual_seed(0)
print('| product | us | GFLOP/s |')
print('|---|---:|---:|')
for m, k, n, layout in [(128, 784, 400, 'a b'), (128, 400, 784, 'a b'), (128, 784, 400, 'a bT'),
                        (784, 128, 400, 'aT b'), (400, 128, 784, 'aT b')]:
    a = torch.randn(k, m) if layout == 'aT b' else torch.randn(m, k)
    b = torch.randn(n, k) if layout == 'a bT' else torch.randn(k, n)
    lhs = a.t() if layout == 'aT b' else a
    rhs = b.t() if layout == 'a bT' else b
    best = float('inf')
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.mm(lhs, rhs)
        best = min(best, (time.perf_counter() - t0) / reps)
    print(f'| {m},{k},{n},{layout} | {best * 1e6:.0f} | {2 * m * k * n / best / 1e9:.1f} |')
