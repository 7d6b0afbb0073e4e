"""The anchor VAE (../shared/anchors/vae_torch.py) on a CUDA GPU, for backend-djl/gpu-check.sh.
Usage: python3 gpu-vae-torch.py ANCHOR_DIR DATA_DIR EPOCHS DEVICE
Same model, loss, optimiser and batches as the CPU anchor; prints the same per-epoch lines, with
the epoch's time measured after a CUDA synchronisation."""
import sys, time
sys.path.insert(0, sys.argv[1])
import torch, torch.optim as optim
from vae_torch import VAE, idx, loss

data, epochs, device = sys.argv[2], int(sys.argv[3]), torch.device(f'cuda:{int(sys.argv[4])}')
torch.manual_seed(0)
xtr = torch.from_numpy(idx(f'{data}/train-images-idx3-ubyte.gz')).to(device)
xte = torch.from_numpy(idx(f'{data}/t10k-images-idx3-ubyte.gz')).to(device)
m = VAE().to(device); opt = optim.Adam(m.parameters(), lr=1e-3); bs = 128
print(f'torch {torch.__version__} on {torch.cuda.get_device_name(device)}', flush=True)
for ep in range(epochs):
    torch.cuda.synchronize(device); t0 = time.perf_counter()
    perm = torch.randperm(len(xtr), device=device); tot = torch.zeros((), device=device)
    for i in range(0, len(xtr), bs):
        x = xtr[perm[i:i+bs]]; opt.zero_grad()
        r, mu, lv = m(x); l = loss(r, x, mu, lv)
        l.backward(); opt.step(); tot += l.detach()
    torch.cuda.synchronize(device); dt = time.perf_counter() - t0
    with torch.no_grad():
        te = 0.0
        for j in range(0, len(xte), 1000):
            x = xte[j:j+1000]; r, mu, lv = m(x); te += loss(r, x, mu, lv).item()
    print(f'epoch {ep+1} time_s {dt:.2f} train_loss {tot.item()/len(xtr):.2f} '
          f'test_loss {te/len(xte):.2f}', flush=True)
