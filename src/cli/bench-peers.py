"""Peers for `npm run bench`: the tools a user would otherwise pick, on the same shapes and data.

Reads one JSON request on stdin and writes one JSON answer on stdout:
  {"sae": {...shapes}, "infonce": {...shapes}, "fastica": {"x": [[...]], "maxIter": .., "tol": ..}}
Each part is skipped with a reason when its library is missing. PyTorch runs on one CPU thread,
as TF.js's WASM backend does in Node. Quality is scored by the caller (bench.ts) with the app's own
metrics, so both sides are measured with the same ruler.
"""
import json
import sys
import time


def torch_sae(cfg):
    import torch

    torch.manual_seed(0)
    b, d, w, k = cfg["batch"], cfg["dim"], cfg["width"], cfg["k"]
    x_all = torch.randn(cfg["samples"], d)
    w_dec = torch.nn.Parameter(torch.nn.functional.normalize(torch.randn(w, d), dim=1))
    b_dec = torch.nn.Parameter(x_all.mean(0))
    w_enc = torch.nn.Parameter(w_dec.detach().t().clone())
    b_enc = torch.nn.Parameter(torch.zeros(w))
    opt = torch.optim.Adam([w_dec, b_dec, w_enc, b_enc], lr=cfg["lr"])

    def step():
        x = x_all[torch.randint(0, x_all.shape[0], (b,))]
        pre = (x - b_dec) @ w_enc + b_enc
        vals, idx = pre.topk(k, dim=1)
        z = torch.zeros_like(pre).scatter(1, idx, torch.relu(vals))
        loss = ((z @ w_dec + b_dec - x) ** 2).sum(1).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        with torch.no_grad():
            w_dec.div_(w_dec.norm(dim=1, keepdim=True) + 1e-8)
        return loss

    return timed(step, cfg["steps"])


def torch_infonce(cfg):
    import torch

    torch.manual_seed(0)
    sizes = [cfg["observed"]] + [cfg["hidden"]] * cfg["layers"] + [cfg["latents"]]
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(torch.nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(torch.nn.LeakyReLU(0.01))
    f = torch.nn.Sequential(*layers)
    opt = torch.optim.Adam(f.parameters(), lr=cfg["lr"])
    b = cfg["batch"]
    x_all = torch.randn(cfg["samples"], cfg["observed"])
    xp_all = x_all + 0.1 * torch.randn_like(x_all)
    labels = torch.arange(b)

    def step():
        idx = torch.randperm(x_all.shape[0])[:b]
        a = torch.nn.functional.normalize(f(x_all[idx]), dim=1)
        p = torch.nn.functional.normalize(f(xp_all[idx]), dim=1)
        loss = torch.nn.functional.cross_entropy(a @ p.t() / cfg["tau"], labels)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss

    return timed(step, cfg["steps"])


def timed(step, steps):
    import torch

    for _ in range(10):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        loss = step()
    float(loss)  # one readback at the end, as the app's driver does
    ms = (time.perf_counter() - t0) * 1000 / steps
    return {"msPerStep": ms, "threads": torch.get_num_threads(), "version": torch.__version__}


def sklearn_fastica(cfg):
    import numpy as np
    import sklearn
    from sklearn.decomposition import FastICA

    x = np.asarray(cfg["x"], dtype=np.float64)
    ica = FastICA(n_components=x.shape[1], algorithm="parallel", fun="logcosh", whiten="unit-variance", max_iter=cfg["maxIter"], tol=cfg["tol"], random_state=0)
    t0 = time.perf_counter()
    ica.fit(x)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "unmixing": ica.components_.tolist(), "mean": ica.mean_.tolist(), "iterations": int(ica.n_iter_), "version": sklearn.__version__}


def main():
    req = json.load(sys.stdin)
    out = {}
    try:
        import torch

        torch.set_num_threads(1)
        out["sae"] = torch_sae(req["sae"])
        out["infonce"] = torch_infonce(req["infonce"])
    except ImportError as e:
        out["torch"] = {"skipped": f"PyTorch is not installed ({e}); apt-get install -y python3-torch"}
    try:
        out["fastica"] = sklearn_fastica(req["fastica"])
    except ImportError as e:
        out["fastica"] = {"skipped": f"scikit-learn is not installed ({e}); apt-get install -y python3-sklearn"}
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
