"""Where one training step of PyTorch's VAE anchor spends its time: the same model, loss, optimizer,
batch and data as ../shared/anchors/vae_torch.py (imported from there), timed over STEPS steps
after WARMUP, then one torch.profiler table of PROFILE steps grouped by operator and input shapes,
and the library's build configuration (which BLAS it calls). The counterpart of bench/profile.sh.
Usage: python3 vae_torch_profile.py ANCHORS_DIR DATA_DIR [WARMUP STEPS PROFILE]"""
import os
import sys
import time

anchors, data = sys.argv[1], sys.argv[2]
warmup, steps, profiled = (int(a) for a in (sys.argv[3:6] if len(sys.argv) > 5 else (300, 200, 100)))
sys.path.insert(0, anchors)
import torch  # noqa: E402
from torch.profiler import ProfilerActivity, profile  # noqa: E402
from vae_torch import VAE, idx, loss  # noqa: E402

torch.manual_seed(0)
torch.set_num_threads(int(os.environ.get('THREADS', '1')))
# Both sets, as the anchor loads them: without the test set's allocation the same steps ran twice
# as slowly here, with ten times as many minor page faults.
xtr = torch.from_numpy(idx(f'{data}/train-images-idx3-ubyte.gz'))
xte = torch.from_numpy(idx(f'{data}/t10k-images-idx3-ubyte.gz'))
m = VAE()
opt = torch.optim.Adam(m.parameters(), lr=1e-3)
perm = torch.randperm(len(xtr))


def step(i):
    j = i % (len(xtr) // 128)
    x = xtr[perm[j * 128:(j + 1) * 128]]
    opt.zero_grad()
    r, mu, lv = m(x)
    l = loss(r, x, mu, lv)
    l.backward()
    opt.step()
    return l.item()


for i in range(warmup):
    step(i)
t0 = time.perf_counter()
for i in range(warmup, warmup + steps):
    step(i)
print(f'step ms {(time.perf_counter() - t0) / steps * 1e3:.2f} (threads {torch.get_num_threads()})')
with profile(activities=[ProfilerActivity.CPU], record_shapes=True) as prof:
    for i in range(profiled):
        step(warmup + steps + i)
print(f'profiled {profiled} steps; times are totals over them')
print(prof.key_averages(group_by_input_shape=True).table(sort_by='self_cpu_time_total', row_limit=30))
print(torch.__config__.show())
