"""Times torch.optim.Rprop(foreach=True) on 2 threads, for the same shapes as kernels.mjs.

Usage: python3 torch_rprop_bench.py '<json: [{"label", "tensors", "size", "dtype"}]>'
Prints one JSON object {label: ns per parameter}. Gradients alternate between two random draws, so
about half the signs flip every step, as in the JavaScript benchmark.
"""
import json, sys, time


def median_ns_per_parameter(times, tensors, size):
    """The median of the steps' `times` (seconds) over the parameters of `tensors` tensors of `size`, in ns."""
    ordered = sorted(times)
    return ordered[len(ordered) // 2] / (tensors * size) * 1e9


def main():
    # Imported here, not at the top: a test reads median_ns_per_parameter without torch installed.
    import torch

    torch.set_num_threads(2)
    cases = json.loads(sys.argv[1])
    out = {}
    for case in cases:
        dtype = {'float32': torch.float32, 'float64': torch.float64}[case['dtype']]
        gen = torch.Generator().manual_seed(1)
        params = [torch.nn.Parameter(torch.randn(case['size'], generator=gen, dtype=dtype)) for _ in range(case['tensors'])]
        grads = [[torch.randn(case['size'], generator=gen, dtype=dtype) for _ in params] for _ in range(2)]
        opt = torch.optim.Rprop(params, foreach=True)
        times = []
        budget = time.perf_counter() + 1.5
        k = 0
        while k < 5 or (time.perf_counter() < budget and k < 200):
            for p, g in zip(params, grads[k % 2]):
                p.grad = g
            t = time.perf_counter()
            opt.step()
            times.append(time.perf_counter() - t)
            k += 1
        out[case['label']] = median_ns_per_parameter(times, case['tensors'], case['size'])
    print(json.dumps(out))


if __name__ == '__main__':
    main()
